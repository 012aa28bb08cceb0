package io.postyard.core.dns;

import java.util.List;
import java.util.Optional;

/**
 * The DNS questions a mail server asks. Every method blocks until the answer arrives or the resolver gives up.
 *
 * <p>A name that does not exist, or exists without records of the asked type, gives an empty answer. A resolver that
 * cannot answer (timeout, SERVFAIL, refusal) throws {@link DnsLookupException} instead: a caller that verifies DNS
 * must be able to tell "the record is missing" from "we could not find out".
 *
 * <p>Names may be given with or without the final dot, and in Unicode (they are looked up in their ASCII form).
 */
public interface DnsResolver {

    /** The MX records of {@code name}, lowest preference first. */
    List<MxRecord> mx(String name) throws DnsLookupException;

    /**
     * The TXT records of {@code name}. A record split into several character-strings (any longer than 255 bytes is)
     * comes back as one string, its parts joined without separator, which is how SPF and DKIM read them.
     */
    List<String> txt(String name) throws DnsLookupException;

    /** Where {@code name} is an alias to, when it has a CNAME record; host names are lower case, without final dot. */
    Optional<String> cname(String name) throws DnsLookupException;

    /** Whether {@code name} has an A or an AAAA record, directly or through a CNAME. */
    boolean hasAddress(String name) throws DnsLookupException;
}

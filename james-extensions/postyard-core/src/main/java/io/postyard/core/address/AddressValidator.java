package io.postyard.core.address;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.dns.DnsLookupException;
import io.postyard.core.dns.DnsResolver;
import io.postyard.core.dns.MxRecord;

/**
 * Judges a single address the way Mailgun's validation API reports it, from syntax, DNS and shipped lists only.
 *
 * <p>Postyard never opens an SMTP session to the remote server (it would need a good IP reputation, and probing
 * mailboxes gets senders blocked), so it cannot know that a mailbox exists. Hence:
 * <ul>
 *   <li>{@code invalid_email}: not a bare addr-spec both javax.mail and James accept (display names, comments,
 *       control characters, non-ASCII are refused);</li>
 *   <li>{@code invalid_domain}: the domain has no MX and no A/AAAA record (RFC 5321 implicit MX), publishes a null MX
 *       (RFC 7505), or is an address literal such as {@code [192.0.2.1]};</li>
 *   <li>{@code unexpected_error}: DNS did not answer, so nothing is known; never reported as a missing domain;</li>
 *   <li>{@code low_quality}: the domain accepts mail, but it is disposable or the local part is a role;</li>
 *   <li>{@code low_deliverability}: the domain accepts mail and nothing counts against the address; this is the best
 *       verdict, in place of Mailgun's {@code accepted_email}, which only an SMTP session could give.</li>
 * </ul>
 * {@code is_valid} is true for the last two only. The disposable and role flags and the suggestion are computed for
 * every parseable address, whatever DNS says.
 */
public class AddressValidator {
    private static final Logger LOGGER = LoggerFactory.getLogger(AddressValidator.class);

    private final DnsResolver dns;
    private final RoleAddresses roles;
    private final DisposableDomains disposableDomains;
    private final DomainSuggester suggester;

    @Inject
    public AddressValidator(DnsResolver dns, RoleAddresses roles, DisposableDomains disposableDomains, DomainSuggester suggester) {
        this.dns = dns;
        this.roles = roles;
        this.disposableDomains = disposableDomains;
        this.suggester = suggester;
    }

    public AddressValidation validate(String address) {
        Optional<AddressParts> parsed = AddressSyntax.parse(address);
        if (parsed.isEmpty()) {
            return AddressValidation.syntaxError(address);
        }
        AddressParts parts = parsed.get();
        boolean disposable = disposableDomains.isDisposable(parts.domain());
        boolean role = roles.isRole(parts.localPart());
        Optional<String> didYouMean = suggester.suggest(parts.domain()).map(domain -> parts.localPart() + "@" + domain);
        return new AddressValidation(address, reason(parts, disposable || role), didYouMean, disposable, role, parsed);
    }

    private ValidationReason reason(AddressParts parts, boolean lowQuality) {
        if (parts.hasDomainLiteral()) {
            return ValidationReason.INVALID_DOMAIN;
        }
        try {
            if (!acceptsMail(parts.domain())) {
                return ValidationReason.INVALID_DOMAIN;
            }
        } catch (DnsLookupException e) {
            LOGGER.warn("Could not validate an address at {}: {}", parts.domain(), e.getMessage());
            return ValidationReason.UNEXPECTED_ERROR;
        }
        return lowQuality ? ValidationReason.LOW_QUALITY : ValidationReason.LOW_DELIVERABILITY;
    }

    private boolean acceptsMail(String domain) {
        List<MxRecord> mx = dns.mx(domain);
        if (!mx.isEmpty()) {
            return mx.stream().noneMatch(MxRecord::isNullMx);
        }
        return dns.hasAddress(domain);
    }
}

package io.postyard.core.domain;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.dkim.DkimKey;
import io.postyard.core.dns.DnsLookupException;
import io.postyard.core.dns.DnsResolver;
import io.postyard.core.dns.MxRecord;

/**
 * Looks a domain's expected records up in DNS. A record the resolver could not answer for counts as not found: a
 * domain is only activated, or made local, on positive evidence.
 */
public class DomainVerifier {
    private final DnsResolver resolver;
    private final ExpectedDnsRecords expected;
    private final Clock clock;

    @Inject
    public DomainVerifier(DnsResolver resolver, ExpectedDnsRecords expected, Clock clock) {
        this.resolver = resolver;
        this.expected = expected;
        this.clock = clock;
    }

    public DnsVerification verify(MailDomain domain, Optional<DkimKey> dkimKey) {
        Map<DnsRecordKind, Boolean> valid = new EnumMap<>(DnsRecordKind.class);
        valid.put(DnsRecordKind.MX, safely(() -> mxPointsHere(domain.name())));
        valid.put(DnsRecordKind.OWNERSHIP, safely(() -> tokenPublished(domain.account(), domain.name())));
        valid.put(DnsRecordKind.SPF, safely(() -> spfAllowsThisHost(domain)));
        valid.put(DnsRecordKind.DKIM, dkimKey.map(key -> safely(() -> dkimKeyPublished(key))).orElse(false));
        return new DnsVerification(Optional.of(clock.instant()), valid);
    }

    /** For a name that is no account domain of its own (an alias domain): its MX points here, or it has the token. */
    public boolean ownershipProven(AccountId account, Domain name) {
        return safely(() -> mxPointsHere(name)) || safely(() -> tokenPublished(account, name));
    }

    private boolean mxPointsHere(Domain name) {
        String host = normalize(expected.mailHost());
        return resolver.mx(name.asString()).stream()
            .map(MxRecord::host)
            .map(DomainVerifier::normalize)
            .anyMatch(host::equals);
    }

    private boolean tokenPublished(AccountId account, Domain name) {
        String wanted = expected.ownership(account, name).value();
        return resolver.txt(name.asString()).stream()
            .map(String::trim)
            .anyMatch(wanted::equals);
    }

    /** Our own record, or any SPF record that names this host with {@code a:} or {@code include:}. */
    private boolean spfAllowsThisHost(MailDomain domain) {
        String host = normalize(expected.mailHost());
        List<String> spf = resolver.txt(domain.name().asString()).stream()
            .map(record -> record.trim().toLowerCase(Locale.ROOT))
            .filter(record -> record.startsWith("v=spf1"))
            .toList();
        return spf.stream().anyMatch(record -> List.of(record.split("\\s+")).stream()
            .map(mechanism -> mechanism.replaceFirst("^[+~?-]", ""))
            .anyMatch(mechanism -> mechanism.equals("a:" + host) || mechanism.equals("include:" + host)));
    }

    private boolean dkimKeyPublished(DkimKey key) {
        String wanted = "p=" + key.publicKeyBase64();
        return resolver.txt(key.recordName()).stream()
            .map(record -> record.replaceAll("\\s+", ""))
            .anyMatch(record -> List.of(record.split(";")).contains(wanted));
    }

    private static boolean safely(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (DnsLookupException e) {
            return false;
        }
    }

    private static String normalize(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}

package io.postyard.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.dkim.DkimKey;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * What a domain's DNS must say for this server (named by the {@code hostname} setting) to receive and send its mail:
 * an MX pointing here (or the account's ownership token, to receive here before the MX moves), an SPF record allowing
 * this host, and the DKIM public key.
 */
public class ExpectedDnsRecords {
    public static final int MX_PRIORITY = 10;

    private final String mailHost;
    private final DomainOwnershipTokens ownershipTokens;

    @Inject
    public ExpectedDnsRecords(PostyardSettings settings, DomainOwnershipTokens ownershipTokens) {
        this(settings.get(Setting.HOSTNAME), ownershipTokens);
    }

    public ExpectedDnsRecords(String mailHost, DomainOwnershipTokens ownershipTokens) {
        this.mailHost = mailHost;
        this.ownershipTokens = ownershipTokens;
    }

    public String mailHost() {
        return mailHost;
    }

    public ExpectedDnsRecord mx(MailDomain domain) {
        return new ExpectedDnsRecord(DnsRecordKind.MX, "MX", domain.name().asString(), mailHost, Optional.of(MX_PRIORITY));
    }

    /** Either this or the MX makes the domain local: mail sent to it from this server stays here. */
    public ExpectedDnsRecord ownership(AccountId account, Domain name) {
        return new ExpectedDnsRecord(DnsRecordKind.OWNERSHIP, "TXT", name.asString(), ownershipTokens.record(account, name),
            Optional.empty());
    }

    public List<ExpectedDnsRecord> sending(MailDomain domain, Optional<DkimKey> dkimKey) {
        List<ExpectedDnsRecord> records = new ArrayList<>();
        records.add(new ExpectedDnsRecord(DnsRecordKind.SPF, "TXT", domain.name().asString(), spfRecord(), Optional.empty()));
        dkimKey.ifPresent(key -> records.add(new ExpectedDnsRecord(DnsRecordKind.DKIM, "TXT", key.recordName(),
            key.recordValue(), Optional.empty())));
        return List.copyOf(records);
    }

    public String spfRecord() {
        return "v=spf1 a:" + mailHost + " ~all";
    }
}

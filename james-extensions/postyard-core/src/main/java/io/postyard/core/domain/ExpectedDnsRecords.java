package io.postyard.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.dkim.DkimKey;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * What a domain's DNS must say for this server (named by the {@code hostname} setting) to receive and send its mail:
 * an MX pointing here, an SPF record allowing this host, and the DKIM public key.
 */
public class ExpectedDnsRecords {
    public static final int MX_PRIORITY = 10;

    private final String mailHost;

    @Inject
    public ExpectedDnsRecords(PostyardSettings settings) {
        this(settings.get(Setting.HOSTNAME));
    }

    public ExpectedDnsRecords(String mailHost) {
        this.mailHost = mailHost;
    }

    public String mailHost() {
        return mailHost;
    }

    public ExpectedDnsRecord mx(MailDomain domain) {
        return new ExpectedDnsRecord(DnsRecordKind.MX, "MX", domain.name().asString(), mailHost, Optional.of(MX_PRIORITY));
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

package io.postyard.mailgun;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * The DNS records a domain needs to receive and send through this server, which is named by the {@code hostname}
 * setting. Nothing is looked up yet, so no record is reported valid.
 */
public class DomainDnsRecords {
    private static final int MX_PRIORITY = 10;

    private final String mailHost;

    @Inject
    public DomainDnsRecords(PostyardSettings settings) {
        this.mailHost = settings.get(Setting.HOSTNAME);
    }

    List<DnsRecordView> receiving(Domain domain) {
        return List.of(new DnsRecordView(domain.asString(), MX_PRIORITY, "MX", null, false, mailHost));
    }

    List<DnsRecordView> sending(Domain domain) {
        return List.of(new DnsRecordView(domain.asString(), null, "TXT", null, false, "v=spf1 a:" + mailHost + " ~all"));
    }
}

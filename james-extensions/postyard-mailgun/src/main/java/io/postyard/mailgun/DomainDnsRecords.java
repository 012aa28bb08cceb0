package io.postyard.mailgun;

import java.util.List;

import javax.inject.Inject;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.ExpectedDnsRecord;
import io.postyard.core.domain.ExpectedDnsRecords;
import io.postyard.core.domain.MailDomain;

/** A domain's expected records in the document's shape, each {@code valid} as found by the last verification. */
public class DomainDnsRecords {
    private final ExpectedDnsRecords expected;
    private final DomainService domains;

    @Inject
    public DomainDnsRecords(ExpectedDnsRecords expected, DomainService domains) {
        this.expected = expected;
        this.domains = domains;
    }

    List<DnsRecordView> receiving(MailDomain domain) {
        return List.of(view(domain, expected.mx(domain)), view(domain, expected.ownership(domain.account(), domain.name())));
    }

    List<DnsRecordView> sending(MailDomain domain) {
        return expected.sending(domain, domains.dkimKey(domain.name())).stream()
            .map(record -> view(domain, record))
            .toList();
    }

    private static DnsRecordView view(MailDomain domain, ExpectedDnsRecord record) {
        boolean valid = domain.verification().isValid(record.kind());
        String state = record.kind() == io.postyard.core.domain.DnsRecordKind.DKIM ? (valid ? "active" : "unverified") : null;
        return new DnsRecordView(record.name(), record.priority().orElse(null), record.type(), state, valid, record.value());
    }
}

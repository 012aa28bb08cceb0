package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.domain.DomainState;

class IsFeedbackReportTest {
    private static final String DSN = """
        From: MAILER-DAEMON@mx.far.example
        To: postmaster@sender.test
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        Your message could not be delivered.
        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.far.example

        Final-Recipient: rfc822; gone@far.example
        Action: failed
        Status: 5.1.1
        --B--
        """;

    private final TestDomains domains = new TestDomains();
    private final IsFeedbackReport matcher = new IsFeedbackReport(domains.service);

    @BeforeEach
    void setUp() throws MessagingException {
        domains.add(TestMails.DOMAIN, DomainState.ACTIVE);
        matcher.init(FakeMatcherConfig.builder().matcherName("IsFeedbackReport")
            .mailetContext(FakeMailContext.defaultContext()).build());
    }

    @Test
    void aReportToOneOfOurDomainsMatchesAllItsRecipients() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.message(DSN), "postmaster@sender.test", "someone@elsewhere.example");

        assertThat(TestMails.addresses(matcher.match(mail))).containsExactly("postmaster@sender.test", "someone@elsewhere.example");
    }

    @Test
    void anythingSentToABounceAddressOfOurDomainMatches() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "Bounce+0123abcd@sender.test");

        assertThat(TestMails.addresses(matcher.match(mail))).containsExactly("Bounce+0123abcd@sender.test");
    }

    @Test
    void aReportAlreadyLookedAtDoesNotMatchAgain() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.message(DSN), "bounce+0123abcd@sender.test");
        mail.setAttribute(new Attribute(RecordFeedbackReport.PROCESSED, AttributeValue.of(true)));

        assertThat(matcher.match(mail)).isEmpty();
    }

    @Test
    void ordinaryMailAndReportsToOtherDomainsDoNotMatch() throws Exception {
        FakeMail ordinary = TestMails.mail(TestMails.plainMessage(), "reader@sender.test");
        FakeMail elsewhere = TestMails.mail(TestMails.message(DSN), "bounce+0123abcd@elsewhere.example");

        assertThat(matcher.match(ordinary)).isEmpty();
        assertThat(matcher.match(elsewhere)).isEmpty();
    }
}

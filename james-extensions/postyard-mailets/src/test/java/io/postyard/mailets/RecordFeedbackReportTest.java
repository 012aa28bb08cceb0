package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.domain.DomainState;
import io.postyard.core.event.EventHistory;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;
import io.postyard.core.suppression.MemorySuppressionStore;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;

class RecordFeedbackReportTest {
    private static final Domain SENDER = Domain.of(TestMails.DOMAIN);
    private static final String BOUNCE_ADDRESS = "bounce+0123456789abcdef@sender.test";

    private final TestDomains domains = new TestDomains();
    private final RecordedEvents events = new RecordedEvents();
    private final SuppressionService suppressions = new SuppressionService(new MemorySuppressionStore());
    private final RecordFeedbackReport mailet = new RecordFeedbackReport(domains.service,
        new EventHistory(events.store, Clock.systemUTC()), events.publisher, suppressions, Clock.systemUTC());

    @BeforeEach
    void setUp() throws Exception {
        domains.add(TestMails.DOMAIN, DomainState.ACTIVE);
        mailet.init(FakeMailetConfig.builder().mailetName("RecordFeedbackReport").mailetContext(FakeMailContext.defaultContext()).build());
    }

    /** The message the report is about, as sending it recorded it. */
    private void sent(String recipient) throws Exception {
        FakeMail mail = TestMails.outbound(TestMails.metadata().tags(List.of("fb")).build(), recipient);
        events.outbound.publish(mail, EventType.ACCEPTED, mail.getRecipients());
    }

    private static String dsn(String recipient, String messageId) {
        return """
            From: MAILER-DAEMON@mx.far.example
            To: %1$s
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

            --BOUNDARY
            Content-Type: text/plain

            Your message could not be delivered.
            --BOUNDARY
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.far.example

            Final-Recipient: rfc822; %2$s
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <%2$s>: Recipient address rejected: User unknown

            --BOUNDARY
            Content-Type: text/rfc822-headers

            From: news@sender.test
            To: %2$s
            Subject: Hello
            Message-ID: %3$s

            --BOUNDARY--
            """.formatted(BOUNCE_ADDRESS, recipient, messageId);
    }

    @Test
    void anAsynchronousBounceIsMatchedToItsMessageRecordedAndListed() throws Exception {
        sent("gone@far.example");
        FakeMail report = TestMails.mail(TestMails.message(dsn("gone@far.example", TestMails.MESSAGE_ID)), BOUNCE_ADDRESS);

        mailet.service(report);

        PostyardEvent failed = events.ofType(EventType.FAILED).get(0);
        assertThat(failed.recipient()).contains("gone@far.example");
        assertThat(failed.severity()).contains(Severity.PERMANENT);
        assertThat(failed.reason()).contains("bounce");
        assertThat(failed.deliveryStatus().orElseThrow().enhancedCode()).contains("5.1.1");
        assertThat(failed.tags()).containsExactly("fb");
        assertThat(failed.messageId()).contains(TestMails.MESSAGE_ID);
        assertThat(suppressions.get(SENDER, SuppressionType.BOUNCES, "gone@far.example")).isPresent();
        assertThat(report.getAttribute(RecordFeedbackReport.PROCESSED)).isPresent();
        assertThat(report.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void anAbuseReportRecordsAComplaintAndListsTheAddress() throws Exception {
        sent("angry@far.example");
        FakeMail report = TestMails.mail(TestMails.message("""
            From: fbl@isp.example
            To: %s
            Subject: Abuse report
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"

            --ARF
            Content-Type: text/plain

            This is an abuse report.
            --ARF
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: ISP-FBL/1.0
            Version: 1
            Original-Rcpt-To: <angry@far.example>

            --ARF
            Content-Type: message/rfc822

            From: news@sender.test
            To: angry@far.example
            Subject: Hello
            Message-ID: %s

            hello
            --ARF--
            """.formatted(BOUNCE_ADDRESS, TestMails.MESSAGE_ID)), BOUNCE_ADDRESS);

        mailet.service(report);

        PostyardEvent complained = events.ofType(EventType.COMPLAINED).get(0);
        assertThat(complained.recipient()).contains("angry@far.example");
        assertThat(complained.message().orElseThrow().subject()).contains("Hello");
        assertThat(suppressions.get(SENDER, SuppressionType.COMPLAINTS, "angry@far.example")).isPresent();
        assertThat(report.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void aReportAboutAMessageWeNeverSentChangesNothingButIsStillStopped() throws Exception {
        FakeMail report = TestMails.mail(TestMails.message(dsn("stranger@far.example", "<never-sent@sender.test>")),
            BOUNCE_ADDRESS);

        mailet.service(report);

        assertThat(events.all()).isEmpty();
        assertThat(suppressions.get(SENDER, SuppressionType.BOUNCES, "stranger@far.example")).isEmpty();
        assertThat(report.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void aCopyForARealMailboxGoesOnWithoutTheBounceAddresses() throws Exception {
        sent("gone@far.example");
        FakeMail report = TestMails.mail(TestMails.message(dsn("gone@far.example", TestMails.MESSAGE_ID)),
            BOUNCE_ADDRESS, "postmaster@sender.test");

        mailet.service(report);

        assertThat(TestMails.addresses(report.getRecipients())).containsExactly("postmaster@sender.test");
        assertThat(report.getState()).isEqualTo(Mail.DEFAULT);
        assertThat(events.recipientsOf(EventType.FAILED)).containsExactly("gone@far.example");
    }
}

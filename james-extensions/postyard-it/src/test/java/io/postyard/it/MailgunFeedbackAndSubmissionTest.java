package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * Reports that arrive over SMTP after delivery (a DSN, an abuse report) are matched to the message they are about;
 * and mail submitted over SMTP with a domain's login produces the same events as API mail.
 */
class MailgunFeedbackAndSubmissionTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "feedback.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void createDomainAndLogin() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
        postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/credentials").basicAuth("api", postyard.primaryKey())
            .form(Map.of("login", "app", "password", "app-secret")).send();
    }

    private static String send(String to) {
        ApiResponse response = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "news@feedback.test", "to", to, "subject", "Report me", "text", "hello", "o:tag", "fb")).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private static List<JsonNode> events(String query) {
        JsonNode body = postyard.api().get("/mailgun/v3/" + DOMAIN + "/events?" + query).basicAuth("api", postyard.primaryKey()).send().json();
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> awaitEvents(String query, int count) {
        Awaitility.await().atMost(WAIT).until(() -> events(query).size() >= count);
        return events(query);
    }

    private static void deliverReport(String report) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(PostyardExtension.LOCALHOST, postyard.smtpPort(), "far.example")) {
            smtp.sendMessageWithHeaders("", "bounce+0123456789abcdef@" + DOMAIN, report);
        }
    }

    @Test
    void anAsynchronousBounceIsMatchedRecordedAndListed() throws Exception {
        String id = send("gone@far.example");
        awaitEvents("event=delivered&recipient=gone@far.example", 1);

        deliverReport("From: MAILER-DAEMON@mx.far.example\r\n"
            + "To: bounce+0123456789abcdef@feedback.test\r\n"
            + "Subject: Undelivered Mail Returned to Sender\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUNDARY\"\r\n\r\n"
            + "--BOUNDARY\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
            + "--BOUNDARY\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mx.far.example\r\n\r\n"
            + "Final-Recipient: rfc822; gone@far.example\r\n"
            + "Action: failed\r\n"
            + "Status: 5.1.1\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 <gone@far.example>: Recipient address rejected: User unknown\r\n\r\n"
            + "--BOUNDARY\r\nContent-Type: text/rfc822-headers\r\n\r\n"
            + "From: news@feedback.test\r\nTo: gone@far.example\r\nSubject: Report me\r\nMessage-ID: " + id + "\r\n\r\n"
            + "--BOUNDARY--\r\n");

        JsonNode failed = awaitEvents("event=failed&recipient=gone@far.example", 1).get(0);
        assertThat(failed.get("severity").asText()).isEqualTo("permanent");
        assertThat(failed.get("delivery-status").get("enhanced-code").asText()).isEqualTo("5.1.1");
        assertThat(failed.get("tags").get(0).asText()).isEqualTo("fb");
        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/bounces/gone@far.example").basicAuth("api", postyard.primaryKey())
            .send().status()).isEqualTo(200);
    }

    @Test
    void anAbuseReportRecordsAComplaintAndListsTheAddress() throws Exception {
        String id = send("angry@far.example");
        awaitEvents("event=delivered&recipient=angry@far.example", 1);

        deliverReport("From: fbl@isp.example\r\n"
            + "To: bounce+0123456789abcdef@feedback.test\r\n"
            + "Subject: Abuse report\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"ARF\"\r\n\r\n"
            + "--ARF\r\nContent-Type: text/plain\r\n\r\nThis is an abuse report.\r\n"
            + "--ARF\r\nContent-Type: message/feedback-report\r\n\r\n"
            + "Feedback-Type: abuse\r\nUser-Agent: ISP-FBL/1.0\r\nVersion: 1\r\nOriginal-Rcpt-To: <angry@far.example>\r\n\r\n"
            + "--ARF\r\nContent-Type: message/rfc822\r\n\r\n"
            + "From: news@feedback.test\r\nTo: angry@far.example\r\nSubject: Report me\r\nMessage-ID: " + id + "\r\n\r\nhello\r\n"
            + "--ARF--\r\n");

        JsonNode complained = awaitEvents("event=complained&recipient=angry@far.example", 1).get(0);
        assertThat(complained.get("message").get("headers").get("subject").asText()).isEqualTo("Report me");
        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/complaints/angry@far.example").basicAuth("api", postyard.primaryKey())
            .send().status()).isEqualTo(200);
    }

    @Test
    void mailSubmittedOverSmtpGetsTheSameEventsAsApiMail() throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(DOMAIN)) {
            smtp.connect(PostyardExtension.LOCALHOST, Port.of(postyard.submissionPort()))
                .authenticate("app@feedback.test", "app-secret")
                .sendMessageWithHeaders("app@feedback.test", "smtp-reader@far.example",
                    "From: app@feedback.test\r\nTo: smtp-reader@far.example\r\nSubject: Over SMTP\r\n"
                        + "Message-ID: <smtp-1@feedback.test>\r\nX-Mailgun-Tag: smtp-tag\r\n"
                        + "X-Mailgun-Variables: {\"order\": \"17\"}\r\n\r\nsubmitted\r\n");
        }

        JsonNode accepted = awaitEvents("event=accepted&recipient=smtp-reader@far.example", 1).get(0);
        assertThat(accepted.get("tags").get(0).asText()).isEqualTo("smtp-tag");
        assertThat(accepted.get("user-variables").get("order").asText()).isEqualTo("17");
        awaitEvents("event=delivered&message-id=smtp-1@feedback.test", 1);
        Awaitility.await().atMost(WAIT).until(() -> postyard.sink().messages().stream().anyMatch(message -> {
            try {
                return "<smtp-1@feedback.test>".equals(message.getMessageID()) && message.getHeader("X-Mailgun-Tag") == null;
            } catch (Exception e) {
                return false;
            }
        }));
    }

    @Test
    void aReportAboutAMessageWeNeverSentChangesNothing() throws Exception {
        deliverReport("From: MAILER-DAEMON@mx.far.example\r\nTo: bounce+0@feedback.test\r\nSubject: bounce\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\n"
            + "Final-Recipient: rfc822; stranger@far.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <never-sent@feedback.test>\r\n\r\n--B--\r\n");

        Thread.sleep(1500);
        assertThat(events("recipient=stranger@far.example")).isEmpty();
        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/bounces/stranger@far.example").basicAuth("api", postyard.primaryKey())
            .send().status()).isEqualTo(404);
    }
}

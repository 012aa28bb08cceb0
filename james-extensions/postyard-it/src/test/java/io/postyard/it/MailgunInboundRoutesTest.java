package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.mail.BodyPart;
import javax.mail.internet.ContentDisposition;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * Mailgun's routes acting on mail received over SMTP: signed multipart posts with Mailgun's fields, retried on
 * Mailgun's schedule; raw MIME for a URL ending in {@code mime}; stored messages read and resent through the API;
 * forwards to an address; {@code stop()}, {@code catch_all()} and priority; and the 550 for mail no route takes.
 */
class MailgunInboundRoutesTest {
    private static final String DOMAIN = "inbound.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebhookReceiver receiver;
    private static String signingKey;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .setting(Setting.WEBHOOK_SCHEDULE_SCALE, "0.0002")
        .build();

    @BeforeAll
    static void createDomainAndReceiver() throws Exception {
        receiver = new WebhookReceiver();
        primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", DOMAIN)).send();
        signingKey = primary(postyard.api().get("/mailgun/v5/accounts/http_signing_key")).send().json().get("http_signing_key").asText();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void removeRoutes() {
        for (JsonNode route : primary(postyard.api().get("/mailgun/v3/routes")).send().json().get("items")) {
            primary(postyard.api().delete("/mailgun/v3/routes/" + route.get("id").asText())).send();
        }
        receiver.clear();
        postyard.sink().clear();
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static void route(int priority, String expression, String... actions) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("priority", Integer.toString(priority)),
            Map.entry("expression", expression)));
        for (String action : actions) {
            fields.add(Map.entry("action", action));
        }
        ApiResponse created = primary(postyard.api().post("/mailgun/v3/routes")).multipart(fields, List.of()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
    }

    private static void receive(String to, String message) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(PostyardExtension.LOCALHOST, postyard.smtpPort(), "far.example")) {
            smtp.sendMessageWithHeaders("customer@far.example", to, message);
        }
    }

    private static String ticketMail(String to, String messageId) {
        return "From: Customer <customer@far.example>\r\n"
            + "To: " + to + "\r\n"
            + "Subject: Printer on fire\r\n"
            + "Message-ID: <" + messageId + ">\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"MIXED\"\r\n\r\n"
            + "--MIXED\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "It is burning.\r\n\r\n-- \r\nCustomer Ltd\r\n\r\nOn Mon, Support wrote:\r\n> How can we help?\r\n"
            + "--MIXED\r\nContent-Type: image/png; name=\"fire.png\"\r\nContent-Disposition: attachment; filename=\"fire.png\"\r\n"
            + "Content-ID: <fire@far.example>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
            + "--MIXED--\r\n";
    }

    /** The text fields of a multipart/form-data post, each name with its values, and its files by field name. */
    private record Form(Map<String, List<String>> fields, Map<String, BodyPart> files) {
        String one(String name) {
            List<String> values = fields.getOrDefault(name, List.of());
            assertThat(values).as(name + " in " + fields.keySet()).hasSize(1);
            return values.get(0);
        }
    }

    private static Form form(WebhookReceiver.ReceivedRequest request) throws Exception {
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data");
        MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(request.body(), request.header("Content-Type")));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, BodyPart> files = new LinkedHashMap<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            ContentDisposition disposition = new ContentDisposition(part.getHeader("Content-Disposition")[0]);
            String name = disposition.getParameter("name");
            if (disposition.getParameter("filename") != null) {
                files.put(name, part);
            } else {
                fields.computeIfAbsent(name, any -> new ArrayList<>())
                    .add(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new Form(fields, files);
    }

    private static void assertSigned(Form form) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((form.one("timestamp") + form.one("token")).getBytes(StandardCharsets.UTF_8)));
        assertThat(form.one("signature")).isEqualTo(expected);
        assertThat(form.one("token")).hasSize(50);
    }

    @Test
    void aMatchingRoutePostsTheParsedMessageSignedAndRetriesUntilTheReceiverTakesIt() throws Exception {
        route(1, "match_recipient(\"support-(?P<ticket>\\d+)@" + DOMAIN + "\")",
            "forward(\"" + receiver.url("/tickets/\\g<ticket>") + "\")");
        receiver.respondAt("/tickets/42", 500, 503);

        receive("support-42@" + DOMAIN, ticketMail("support-42@" + DOMAIN, "ticket-42@far.example"));

        List<WebhookReceiver.ReceivedRequest> attempts = receiver.awaitRequests(3, WAIT);
        assertThat(attempts).extracting(WebhookReceiver.ReceivedRequest::path).containsOnly("/tickets/42");
        List<Form> forms = new ArrayList<>();
        for (WebhookReceiver.ReceivedRequest attempt : attempts) {
            Form form = form(attempt);
            assertSigned(form);
            forms.add(form);
        }
        assertThat(forms).extracting(form -> form.one("Message-Id")).containsOnly("<ticket-42@far.example>");
        assertThat(forms).extracting(form -> form.one("token")).doesNotHaveDuplicates();
        Form post = forms.get(2);
        assertThat(post.one("recipient")).isEqualTo("support-42@" + DOMAIN);
        assertThat(post.one("sender")).isEqualTo("customer@far.example");
        assertThat(post.one("from")).isEqualTo("Customer <customer@far.example>");
        assertThat(post.one("subject")).isEqualTo("Printer on fire");
        assertThat(post.one("body-plain")).contains("It is burning.").contains("> How can we help?");
        assertThat(post.one("stripped-text")).isEqualTo("It is burning.");
        assertThat(post.one("stripped-signature")).isEqualTo("Customer Ltd");
        assertThat(post.one("attachment-count")).isEqualTo("1");
        assertThat(post.files().get("attachment-1").getFileName()).isEqualTo("fire.png");
        assertThat(post.files().get("attachment-1").getInputStream().readAllBytes())
            .isEqualTo(Base64.getDecoder().decode("iVBORw0KGgo="));
        assertThat(json(post.one("content-id-map")).get("<fire@far.example>").asText()).isEqualTo("attachment-1");
        JsonNode headers = json(post.one("message-headers"));
        assertThat(headers.get(0).isArray()).isTrue();
        assertThat(headers.toString()).contains("[\"Subject\",\"Printer on fire\"]");
        Awaitility.await().atMost(WAIT).until(() -> storedEvents("support-42@" + DOMAIN).size() == 1);
        assertThat(storedEvents("support-42@" + DOMAIN).get(0).get("storage").get("key").asText()).isNotBlank();
    }

    private static String sendingKey(String domain) {
        return primary(postyard.api().post("/mailgun/v1/keys")).form(Map.of("role", "sending", "domain_name", domain)).send()
            .json().get("key").get("secret").asText();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static List<JsonNode> storedEvents(String recipient) {
        List<JsonNode> items = new ArrayList<>();
        primary(postyard.api().get("/mailgun/v3/" + DOMAIN + "/events?event=stored&recipient=" + recipient)).send().json().get("items")
            .forEach(items::add);
        return items;
    }

    @Test
    void aUrlEndingInMimeGetsTheMessageAsReceived() throws Exception {
        route(1, "match_recipient(\"raw@" + DOMAIN + "\")", "forward(\"" + receiver.url("/inbound/mime") + "\")");

        receive("raw@" + DOMAIN, ticketMail("raw@" + DOMAIN, "raw-1@far.example"));

        Form form = form(receiver.awaitRequests(1, WAIT).get(0));
        assertSigned(form);
        assertThat(form.one("recipient")).isEqualTo("raw@" + DOMAIN);
        assertThat(form.one("body-mime")).contains("Message-ID: <raw-1@far.example>").contains("iVBORw0KGgo=");
        assertThat(form.fields()).doesNotContainKey("body-plain");
    }

    @Test
    void aStoredMessageIsNotifiedReadAndResentThroughTheApi() throws Exception {
        route(1, "match_recipient(\"keep@" + DOMAIN + "\")", "store(notify=\"" + receiver.url("/stored") + "\")");

        receive("keep@" + DOMAIN, ticketMail("keep@" + DOMAIN, "keep-1@far.example"));

        Form notification = form(receiver.awaitRequests(1, WAIT).get(0));
        assertSigned(notification);
        String messageUrl = notification.one("message-url");
        assertThat(messageUrl).startsWith("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort()
            + "/mailgun/v3/domains/" + DOMAIN + "/messages/");
        assertThat(json(notification.one("attachments")).get(0).get("name").asText()).isEqualTo("fire.png");
        String path = messageUrl.substring(messageUrl.indexOf("/mailgun/"));

        JsonNode stored = primary(postyard.api().get(path)).send().json();
        assertThat(stored.get("recipients").asText()).isEqualTo("keep@" + DOMAIN);
        assertThat(stored.get("Subject").asText()).isEqualTo("Printer on fire");
        assertThat(stored.get("stripped-text").asText()).isEqualTo("It is burning.");
        JsonNode attachment = stored.get("attachments").get(0);
        assertThat(attachment.get("content-type").asText()).isEqualTo("image/png");
        String attachmentPath = attachment.get("url").asText().substring(messageUrl.indexOf("/mailgun/"));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + attachmentPath))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("api:" + postyard.primaryKey())
                .getBytes(StandardCharsets.UTF_8)))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(Base64.getDecoder().decode("iVBORw0KGgo="));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        JsonNode raw = primary(postyard.api().get(path)).header("Accept", "message/rfc2822").send().json();
        assertThat(raw.get("body-mime").asText()).contains("Message-ID: <keep-1@far.example>");

        ApiResponse resent = primary(postyard.api().post(path)).form(Map.of("to", "agent@elsewhere.example")).send();
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(resent.json().get("message").asText()).isEqualTo("Queued. Thank you.");
        MimeMessage delivered = postyard.sink().awaitMessages(1, WAIT).get(0);
        assertThat(delivered.getSubject()).isEqualTo("Printer on fire");
        assertThat(delivered.getHeader("From")[0]).isEqualTo("Customer <customer@far.example>");

        assertThat(postyard.api().get(path).basicAuth("api", sendingKey(DOMAIN)).send().status()).isEqualTo(200);
        primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", "other-inbound.test")).send();
        assertThat(postyard.api().get(path).basicAuth("api", sendingKey("other-inbound.test")).send().status()).isEqualTo(403);
        assertThat(primary(postyard.api().delete(path)).send().status()).isEqualTo(200);
        assertThat(primary(postyard.api().get(path)).send().status()).isEqualTo(404);
    }

    @Test
    void aForwardToAnAddressSendsTheMessageOnWithItsAuthor() throws Exception {
        route(1, "match_recipient(\"sales@" + DOMAIN + "\")", "forward(\"team@partner.example\")");

        receive("sales@" + DOMAIN, ticketMail("sales@" + DOMAIN, "sales-1@far.example"));

        MimeMessage forwarded = postyard.sink().awaitMessages(1, WAIT).get(0);
        assertThat(forwarded.getHeader("From")[0]).isEqualTo("Customer <customer@far.example>");
        assertThat(forwarded.getHeader("Message-ID")[0]).isEqualTo("<sales-1@far.example>");
        assertThat(forwarded.getHeader("DKIM-Signature")).isNotNull();
    }

    @Test
    void stopEndsTheEvaluationAndRoutesRunInPriorityOrder() throws Exception {
        route(20, "match_recipient(\"desk@" + DOMAIN + "\")", "forward(\"" + receiver.url("/late") + "\")");
        route(10, "match_recipient(\"desk@" + DOMAIN + "\")", "forward(\"" + receiver.url("/first") + "\")", "stop()");
        route(30, "catch_all()", "forward(\"" + receiver.url("/fallback") + "\")");

        receive("desk@" + DOMAIN, ticketMail("desk@" + DOMAIN, "desk-1@far.example"));
        receive("anyone@" + DOMAIN, ticketMail("anyone@" + DOMAIN, "anyone-1@far.example"));

        receiver.awaitRequests(2, WAIT);
        Thread.sleep(1000);
        assertThat(receiver.received()).extracting(WebhookReceiver.ReceivedRequest::path).containsExactlyInAnyOrder("/first", "/fallback");
    }

    @Test
    void everyMatchingRouteActsWithoutStopButCatchAllOnlyWhenNoneMatched() throws Exception {
        route(2, "match_recipient(\"info@" + DOMAIN + "\")", "forward(\"" + receiver.url("/second") + "\")");
        route(1, "match_recipient(\".*@" + DOMAIN + "\") and match_header(\"subject\", \".*fire.*\")",
            "forward(\"" + receiver.url("/first") + "\")");
        route(3, "catch_all()", "forward(\"" + receiver.url("/fallback") + "\")");

        receive("info@" + DOMAIN, ticketMail("info@" + DOMAIN, "info-1@far.example"));

        receiver.awaitRequests(2, WAIT);
        Thread.sleep(1000);
        assertThat(receiver.received()).extracting(WebhookReceiver.ReceivedRequest::path).containsExactlyInAnyOrder("/first", "/second");
    }

    @Test
    void anAddressNoRouteOrMailboxTakesIsRefusedAtRcpt() throws Exception {
        route(1, "match_recipient(\"support-\\d+@" + DOMAIN + "\")", "stop()");
        SMTPClient smtp = new SMTPClient();
        smtp.connect(PostyardExtension.LOCALHOST, postyard.smtpPort());
        try {
            smtp.helo("far.example");
            smtp.setSender("customer@far.example");
            assertThat(smtp.addRecipient("nobody@" + DOMAIN)).isFalse();
            assertThat(smtp.getReplyCode()).isEqualTo(550);
            assertThat(smtp.addRecipient("support-7@" + DOMAIN)).isTrue();
            assertThat(SMTPReply.isPositiveCompletion(smtp.getReplyCode())).isTrue();
        } finally {
            smtp.disconnect();
        }
        assertThatThrownBy(() -> receive("nobody@" + DOMAIN, ticketMail("nobody@" + DOMAIN, "x@far.example")))
            .isInstanceOf(Exception.class);
    }
}

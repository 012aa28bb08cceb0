package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import javax.mail.BodyPart;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.dns.DnsJavaResolver;
import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** Messages sent through {@code /v3/{domain}/messages} reach a real SMTP sink as built, signed and tracked. */
class MailgunSendingTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .withTestDns()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "send.test";
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @BeforeAll
    static void createDomainAndPublishItsDkimKey() {
        JsonNode domain = postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", DOMAIN)).send().json();
        for (JsonNode record : domain.get("sending_dns_records")) {
            if (record.get("name").asText().contains("._domainkey.")) {
                postyard.dns().addTxt(record.get("name").asText(), record.get("value").asText());
            }
        }
    }

    private static HttpApi.Call send() {
        return postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", postyard.primaryKey());
    }

    private static MimeMessage awaitAtSink(String messageId) {
        return awaitAllAtSink(messageId, 1).get(0);
    }

    private static List<MimeMessage> awaitAllAtSink(String messageId, int count) {
        org.awaitility.Awaitility.await().atMost(ARRIVAL).until(() -> atSink(messageId).size() >= count);
        return atSink(messageId);
    }

    private static List<MimeMessage> atSink(String messageId) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : postyard.sink().messages()) {
            try {
                if (messageId.equals(message.getMessageID())) {
                    found.add(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aFormSendWithAttachmentsAndAnInlineImageArrivesIntactAndSigned() throws Exception {
        byte[] pdf = new byte[40_000];
        new Random(7).nextBytes(pdf);
        byte[] csv = "id,name\n1,alice\n2,bob\n".getBytes(StandardCharsets.UTF_8);
        byte[] png = new byte[3_000];
        new Random(9).nextBytes(png);
        ApiResponse response = send().multipart(List.of(
                Map.entry("from", "Sender <news@send.test>"),
                Map.entry("to", "alice@elsewhere.example"),
                Map.entry("subject", "Quarterly report — Q3"),
                Map.entry("text", "See the attached report."),
                Map.entry("html", "<p>See the report <img src=\"cid:logo.png\"></p>"),
                Map.entry("h:X-Campaign", "autumn"),
                Map.entry("o:tag", "reports"),
                Map.entry("o:tag", "q3"),
                Map.entry("v:customer", "42")),
            List.of(new HttpApi.TestFile("attachment", "report.pdf", "application/pdf", pdf),
                new HttpApi.TestFile("attachment", "people.csv", "text/csv", csv),
                new HttpApi.TestFile("inline", "logo.png", "image/png", png)))
            .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("message").asText()).isEqualTo("Queued. Thank you.");
        String id = response.json().get("id").asText();
        assertThat(id).matches("<[0-9a-f-]{36}@send\\.test>");

        MimeMessage arrived = awaitAtSink(id);
        assertThat(arrived.getSubject()).isEqualTo("Quarterly report — Q3");
        assertThat(arrived.getHeader("X-Campaign", ",")).isEqualTo("autumn");
        assertThat(arrived.getHeader("Bcc")).isNull();
        List<Part> parts = leafParts(arrived);
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.getFileName()).isEqualTo("report.pdf");
            assertThat(part.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
            assertThat(bytes(part)).isEqualTo(pdf);
        });
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.getFileName()).isEqualTo("people.csv");
            assertThat(bytes(part)).isEqualTo(csv);
        });
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.getHeader("Content-ID")).containsExactly("<logo.png>");
            assertThat(part.getDisposition()).isEqualToIgnoringCase(Part.INLINE);
            assertThat(bytes(part)).isEqualTo(png);
        });

        DnsJavaResolver resolver = new DnsJavaResolver(List.of(postyard.dns().address()));
        DKIMVerifier verifier = new DKIMVerifier((method, selector, token) -> resolver.txt(selector + "._domainkey." + token));
        List<SignatureRecord> signatures = verifier.verify(new ByteArrayInputStream(raw(arrived)));
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).getDToken().toString()).isEqualTo(DOMAIN);
    }

    private static List<Part> leafParts(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leafParts(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    /** Jakarta Mail's decoders may answer a read with zero bytes before the end, which readAllBytes takes as done. */
    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return org.apache.commons.io.IOUtils.toByteArray(in);
        }
    }

    @Test
    void aBatchSendPersonalisesOneMessagePerRecipient() throws Exception {
        String variables = "{\"ann@batch.example\":{\"first\":\"Ann\",\"id\":1},"
            + "\"ben@batch.example\":{\"first\":\"Ben\",\"id\":2},"
            + "\"cat@batch.example\":{\"first\":\"Cat\",\"id\":3}}";
        ApiResponse response = send().form(Map.of(
            "from", "news@send.test",
            "to", "ann@batch.example, ben@batch.example, cat@batch.example",
            "subject", "Hello %recipient.first%",
            "text", "Your id is %recipient.id%.",
            "recipient-variables", variables)).send();

        List<MimeMessage> arrived = awaitAllAtSink(response.json().get("id").asText(), 3);

        assertThat(arrived).hasSize(3);
        Map<String, String> subjectByRecipient = arrived.stream().collect(Collectors.toMap(
            message -> header(message, "To"), message -> subject(message)));
        assertThat(subjectByRecipient).containsOnly(
            Map.entry("ann@batch.example", "Hello Ann"),
            Map.entry("ben@batch.example", "Hello Ben"),
            Map.entry("cat@batch.example", "Hello Cat"));
        for (MimeMessage message : arrived) {
            assertThat(new String(raw(message), StandardCharsets.UTF_8)).doesNotContain("@batch.example, ");
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTemplateSendRendersItsVariables() throws Exception {
        ApiResponse template = postyard.api().post("/mailgun/v3/" + DOMAIN + "/templates").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "welcome", "description", "Welcome mail",
                "template", "<h1>Welcome {{name}}</h1><p>Plan: {{plan.level}}</p>")).send();
        assertThat(template.status()).as(template.toString()).isEqualTo(200);

        ApiResponse response = send().form(Map.of(
            "from", "hello@send.test",
            "to", "dora@elsewhere.example",
            "subject", "Welcome",
            "template", "welcome",
            "t:variables", "{\"name\":\"Dora\",\"plan\":{\"level\":\"gold\"}}")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);

        MimeMessage arrived = awaitAtSink(response.json().get("id").asText());
        String body = new String(raw(arrived), StandardCharsets.UTF_8);
        assertThat(body).contains("<h1>Welcome Dora</h1>").contains("Plan: gold");
    }

    @Test
    void aTemplateSeesTheVariablesOfTheMailgunVariablesHeaderAsNodemailerSendsThem() throws Exception {
        assertThat(postyard.api().post("/mailgun/v3/" + DOMAIN + "/templates").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "header-vars", "description", "Variables from the header",
                "template", "<p>Hi {{name}}, order {{order.id}}</p>")).send().status()).isEqualTo(200);

        ApiResponse response = send().form(Map.of(
            "from", "hello@send.test",
            "to", "eve@elsewhere.example",
            "subject", "Order",
            "template", "header-vars",
            "h:X-Mailgun-Variables", "{\"name\":\"Eve\",\"order\":{\"id\":42}}")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);

        MimeMessage arrived = awaitAtSink(response.json().get("id").asText());
        String body = new String(raw(arrived), StandardCharsets.UTF_8);
        assertThat(body).contains("<p>Hi Eve, order 42</p>");
        String id = response.json().get("id").asText();
        JsonNode accepted = postyard.api().get("/mailgun/v3/" + DOMAIN + "/events?event=accepted&message-id="
            + id.substring(1, id.length() - 1)).basicAuth("api", postyard.primaryKey()).send().json().get("items").get(0);
        assertThat(accepted.get("user-variables").get("name").asText()).isEqualTo("Eve");
    }

    @Test
    void aTemplateThatWouldRenderForMinutesIsRefusedWithin1Second() {
        String eightNestedLoops = "{{#each l}}".repeat(8) + "." + "{{/each}}".repeat(8);
        assertThat(postyard.api().post("/mailgun/v3/" + DOMAIN + "/templates").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "nested", "description", "10^8 iterations", "template", eightNestedLoops)).send().status())
            .isEqualTo(200);

        long started = System.nanoTime();
        ApiResponse response = send().form(Map.of("from", "hello@send.test", "to", "dora@elsewhere.example", "subject", "Loops",
            "template", "nested", "t:variables", "{\"l\":[0,1,2,3,4,5,6,7,8,9]}")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("ms to render");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(postyard.api().get("/healthz").send().status()).isEqualTo(200);
    }

    @Test
    void aScheduledMessageIsHeldUntilItsDeliveryTime() {
        Instant at = Instant.now().plusSeconds(5);
        ApiResponse response = send().form(Map.of(
            "from", "later@send.test",
            "to", "eve@elsewhere.example",
            "subject", "Later",
            "text", "Not before its time.",
            "o:deliverytime", DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US).format(at.atZone(ZoneOffset.UTC)))).send();
        String id = response.json().get("id").asText();

        org.awaitility.Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> atSink(id).isEmpty());
        awaitAtSink(id);
        assertThat(Instant.now()).isAfterOrEqualTo(at.minusMillis(1000));
    }

    @Test
    void deletingTheEnvelopesCancelsAScheduledMessageWithAFailedEvent() {
        String when = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US).format(Instant.now().plusSeconds(4).atZone(ZoneOffset.UTC));
        String cancelled = send().form(Map.of("from", "later@send.test", "to", "gina@elsewhere.example", "subject", "Cancelled",
            "text", "Never.", "o:deliverytime", when)).send().json().get("id").asText();

        ApiResponse status = postyard.api().get("/mailgun/v3/domains/" + DOMAIN + "/sending_queues").basicAuth("api", postyard.primaryKey()).send();
        ApiResponse deletion = postyard.api().delete("/mailgun/v3/" + DOMAIN + "/envelopes").basicAuth("api", postyard.primaryKey()).send();
        String kept = send().form(Map.of("from", "later@send.test", "to", "gina@elsewhere.example", "subject", "Kept",
            "text", "Later.", "o:deliverytime", when)).send().json().get("id").asText();

        assertThat(status.json().get("regular").get("is_disabled").asBoolean()).isFalse();
        assertThat(status.json().get("scheduled").get("is_disabled").asBoolean()).isFalse();
        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.json().get("message").asText()).isEqualTo("done");
        JsonNode failed = postyard.api().get("/mailgun/v3/" + DOMAIN + "/events?event=failed&message-id="
            + cancelled.substring(1, cancelled.length() - 1)).basicAuth("api", postyard.primaryKey()).send().json().get("items").get(0);
        assertThat(failed.get("severity").asText()).isEqualTo("permanent");
        assertThat(failed.get("recipient").asText()).isEqualTo("gina@elsewhere.example");
        awaitAtSink(kept);
        assertThat(atSink(cancelled)).isEmpty();
    }

    @Test
    void aMessageOver25MegabytesOnceComposedIs413EvenWhenItsRequestIsSmaller() {
        byte[] attachment = new byte[19_500_000];
        new java.util.Random(7).nextBytes(attachment);

        ApiResponse response = send().multipart(List.of(Map.entry("from", "big@send.test"), Map.entry("to", "hal@elsewhere.example"),
                Map.entry("subject", "Too big"), Map.entry("text", "see attachment")),
            List.of(new HttpApi.TestFile("attachment", "big.bin", "application/octet-stream", attachment))).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("message").asText()).contains("once composed");
    }

    @Test
    void aTestModeMessageIsAcceptedButNeverDelivered() {
        ApiResponse response = send().form(Map.of(
            "from", "test@send.test",
            "to", "frank@elsewhere.example",
            "subject", "Test mode",
            "text", "Stays here.",
            "o:testmode", "yes")).send();
        ApiResponse control = send().form(Map.of(
            "from", "test@send.test",
            "to", "frank@elsewhere.example",
            "subject", "Control",
            "text", "Goes out.")).send();

        awaitAtSink(control.json().get("id").asText());
        assertThat(response.status()).isEqualTo(200);
        assertThat(atSink(response.json().get("id").asText())).isEmpty();
    }

    @Test
    void badSendsAre400NamingTheField() {
        assertThat(send().form(Map.of("to", "a@b.example", "subject", "s", "text", "t")).send().json().get("message").asText())
            .contains("from");
        assertThat(send().form(Map.of("from", "x@send.test", "subject", "s", "text", "t")).send().json().get("message").asText())
            .contains("to");
        ApiResponse foreignFrom = send().form(Map.of("from", "x@other.example", "to", "a@b.example", "subject", "s", "text", "t")).send();
        assertThat(foreignFrom.status()).isEqualTo(400);
        assertThat(foreignFrom.json().get("message").asText()).contains("from");
        ApiResponse injection = send().form(Map.of("from", "x@send.test", "to", "a@b.example", "subject", "s", "text", "t",
            "h:X-Evil", "a\r\nBcc: victim@example.com")).send();
        assertThat(injection.status()).isEqualTo(400);
        assertThat(injection.json().get("message").asText()).contains("h:X-Evil");
        ApiResponse noBody = send().form(Map.of("from", "x@send.test", "to", "a@b.example", "subject", "s")).send();
        assertThat(noBody.status()).isEqualTo(400);
        ApiResponse badTo = send().form(Map.of("from", "x@send.test", "to", "not an address", "subject", "s", "text", "t")).send();
        assertThat(badTo.status()).isEqualTo(400);
        ApiResponse hugeOptions = send().form(Map.of("from", "x@send.test", "to", "a@b.example", "subject", "s", "text", "t",
            "v:blob", "x".repeat(17 * 1024))).send();
        assertThat(hugeOptions.status()).isEqualTo(400);
        assertThat(hugeOptions.json().get("message").asText()).contains("16 KB");
        ApiResponse unknownTemplate = send().form(Map.of("from", "x@send.test", "to", "a@b.example", "subject", "s",
            "template", "nope")).send();
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(postyard.api().post("/mailgun/v3/unknown.example/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "x@unknown.example", "to", "a@b.example", "subject", "s", "text", "t")).send().status()).isEqualTo(404);
    }

    @Test
    void aCallbackUrlIntoTheServersOwnNetworkIsRefused() {
        ApiResponse internal = send().form(Map.of("from", "a@send.test", "to", "a@b.example", "subject", "s", "text", "t",
            "callback_url", "http://127.0.0.1:8000/postyard/keys")).send();
        ApiResponse notHttp = send().form(Map.of("from", "a@send.test", "to", "a@b.example", "subject", "s", "text", "t",
            "callback_url", "file:///etc/passwd")).send();

        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().get("message").asText()).contains("callback_url").contains("internal address");
        assertThat(notHttp.status()).isEqualTo(400);
        for (String disguised : List.of("http://0177.0.0.1:8000/", "http://0x7f000001:8000/", "http://[64:ff9b::7f00:1]:8000/")) {
            ApiResponse refused = send().form(Map.of("from", "a@send.test", "to", "a@b.example", "subject", "s", "text", "t",
                "callback_url", disguised)).send();
            assertThat(refused.status()).as(disguised).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).as(disguised).contains("internal address");
        }
    }

    @Test
    void aDisabledDomainCannotSend() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "off.test")).send();
        postyard.api().call("PATCH", "/mailgun/v3/off.test/disable").basicAuth("api", postyard.primaryKey()).send();

        ApiResponse response = postyard.api().post("/mailgun/v3/off.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "x@off.test", "to", "a@b.example", "subject", "s", "text", "t")).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("message").asText()).contains("disabled");
    }

    @Test
    void theMimeEndpointSendsAPreparedMessage() {
        String mime = "From: raw@send.test\r\nTo: gina@elsewhere.example\r\nSubject: Raw MIME\r\nMessage-ID: <raw-1@send.test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPrepared elsewhere.\r\n";
        ApiResponse response = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages.mime").basicAuth("api", postyard.primaryKey())
            .multipart(List.of(Map.entry("to", "gina@elsewhere.example"), Map.entry("o:tag", "raw")),
                List.of(new HttpApi.TestFile("message", "message.mime", "message/rfc822", mime.getBytes(StandardCharsets.UTF_8))))
            .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo("<raw-1@send.test>");
        awaitAtSink("<raw-1@send.test>");
    }
}

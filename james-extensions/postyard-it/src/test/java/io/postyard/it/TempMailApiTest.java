package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.tempmail.TempMailSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** The Temp Mail API with mail sent over real SMTP into real James mailboxes. */
class TempMailApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(TempMailSettings.RATE_LIMIT, "100000")
        .build();

    private static String key;

    @BeforeAll
    static void createKeyAndCustomDomain() {
        key = postyard.createKey("tempmail");
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "custom-tm.test")).send();
        assertThat(call("PUT", "/domains/custom-tm.test").send().json().get("type").asText()).isEqualTo("custom");
    }

    private static HttpApi.Call call(String method, String path) {
        return postyard.api().call(method, "/tempmail/v1" + path).header("X-API-Key", key);
    }

    private static String create(String json) {
        ApiResponse response = call("POST", "/emails").json(json).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("email").asText();
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("error").get("type").asText()).isEqualTo("request_error");
        assertThat(body.get("error").get("code").asText()).isEqualTo(code);
        assertThat(body.get("error").get("detail").asText()).isNotBlank();
        assertThat(body.get("meta").get("request_id").asText())
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .isEqualTo(response.header("X-Request-Id"));
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("error").size()).isEqualTo(3);
    }

    private static void deliver(String to, String mime) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("sender@outside.test", to, mime);
        }
    }

    private static List<JsonNode> messages(String email) {
        return StreamSupport.stream(call("GET", "/emails/" + email + "/messages").send().json().get("messages").spliterator(), false).toList();
    }

    @Test
    void theThreeKindsOfDomainAreListed() {
        JsonNode domains = call("GET", "/domains").send().json().get("domains");

        assertThat(domains).extracting(domain -> domain.get("name").asText() + " " + domain.get("type").asText())
            .contains("tempmail.localhost public", "premium.tempmail.localhost premium", "custom-tm.test custom")
            .noneMatch(entry -> entry.startsWith("omypost.localhost"));
    }

    @Test
    void customDomainsAreTheOnesTheAccountOptedIn() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "sending-only.test")).send();
        String otherAccount = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"primary\",\"account\":\"tm-other\"}").send()
            .json().get("secret").asText();
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", otherAccount).form(Map.of("name", "theirs-tm.test")).send();

        assertThat(domainNames()).doesNotContain("sending-only.test");
        assertError(call("POST", "/emails").json("{\"email\":\"x@sending-only.test\"}").send(), 400, "validation_error");
        assertError(call("PUT", "/domains/theirs-tm.test").send(), 404, "not_found");
        assertError(call("PUT", "/domains/omypost.localhost").send(), 400, "validation_error");

        assertThat(call("PUT", "/domains/sending-only.test").send().status()).isEqualTo(200);
        assertThat(domainNames()).contains("sending-only.test");
        assertThat(call("DELETE", "/domains/sending-only.test").send().status()).isEqualTo(200);
        assertThat(domainNames()).doesNotContain("sending-only.test");
    }

    private static List<String> domainNames() {
        return StreamSupport.stream(call("GET", "/domains").send().json().get("domains").spliterator(), false)
            .map(domain -> domain.get("name").asText()).toList();
    }

    @Test
    void everyDomainTypeMakesAnAddressInADomainOfThatType() {
        assertThat(create("{\"domain_type\":\"public\"}")).endsWith("@tempmail.localhost");
        assertThat(create("{\"domain_type\":\"premium\"}")).endsWith("@premium.tempmail.localhost");
        assertThat(create("{\"domain_type\":\"custom\"}")).endsWith("@custom-tm.test");
    }

    @Test
    void aRandomAddressHasAnUnguessableLocalPartAndTheTtl() {
        ApiResponse response = call("POST", "/emails").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("email").asText()).matches("[a-z2-9]{12}@(tempmail\\.localhost|premium\\.tempmail\\.localhost|custom-tm\\.test)");
        assertThat(response.json().get("ttl").asLong()).isEqualTo(86400);
        assertThat(response.header("X-Ratelimit-Limit")).isEqualTo("100000");
        assertThat(create("{}")).isNotEqualTo(response.json().get("email").asText());
    }

    @Test
    void emailWinsOverDomainWhichWinsOverDomainType() {
        assertThat(create("{\"email\":\"Chosen.One@tempmail.localhost\",\"domain\":\"custom-tm.test\",\"domain_type\":\"premium\"}"))
            .isEqualTo("chosen.one@tempmail.localhost");
        assertThat(create("{\"domain\":\"custom-tm.test\",\"domain_type\":\"premium\"}")).endsWith("@custom-tm.test");
    }

    @Test
    void badRequestsAreValidationErrors() {
        create("{\"email\":\"taken@tempmail.localhost\"}");

        assertError(call("POST", "/emails").json("{\"email\":\"taken@tempmail.localhost\"}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"domain\":\"not-ours.example\"}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"email\":\"x@not-ours.example\"}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"domain\":\"omypost.localhost\"}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"email\":\"bad local@tempmail.localhost\"}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"domain_type\":\"gold\"}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"domain\":42}").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("{\"email\":").send(), 400, "validation_error");
        assertError(call("POST", "/emails").json("[]").send(), 400, "validation_error");
    }

    @Test
    void receivedMailIsListedReadAndDownloaded() throws Exception {
        String email = create("{\"domain_type\":\"public\"}");
        byte[] attachment = new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff, 'z'};
        deliver(email, "From: Plain <plain@outside.test>\r\nTo: " + email + "\r\nSubject: first\r\n\r\nthe first one\r\n");
        Awaitility.await().atMost(WAIT).until(() -> messages(email).size() == 1);
        deliver(email, "From: =?ISO-8859-1?Q?Ren=E9?= <rene@outside.test>\r\nTo: " + email + "\r\nCc: copy@outside.test\r\n"
            + "Subject: =?ISO-8859-1?Q?Caf=E9_cr=E8me?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n"
            + "--a\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nd=E9j=E0 vu\r\n"
            + "--a\r\nContent-Type: text/html; charset=ISO-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getEncoder().encodeToString("<p>d\u00e9j\u00e0 vu</p>".getBytes(StandardCharsets.ISO_8859_1)) + "\r\n--a--\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getEncoder().encodeToString(attachment) + "\r\n--b--\r\n");
        Awaitility.await().atMost(WAIT).until(() -> messages(email).size() == 2);

        List<JsonNode> listed = messages(email);
        JsonNode newest = listed.get(0);
        assertThat(newest.get("subject").asText()).isEqualTo("Café crème");
        assertThat(listed.get(1).get("subject").asText()).isEqualTo("first");
        assertThat(newest.get("from").asText()).isEqualTo("René <rene@outside.test>");
        assertThat(newest.get("to").asText()).isEqualTo(email);
        assertThat(newest.get("cc").get(0).asText()).isEqualTo("copy@outside.test");
        assertThat(newest.get("body_text").asText()).contains("déjà vu");
        assertThat(newest.get("body_html").asText()).contains("<p>déjà vu</p>");
        assertThat(newest.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        JsonNode listedAttachment = newest.get("attachments").get(0);
        assertThat(listedAttachment.get("name").asText()).isEqualTo("data.bin");
        assertThat(listedAttachment.get("size").asInt()).isEqualTo(attachment.length);

        String id = newest.get("id").asText();
        assertThat(call("GET", "/messages/" + id).send().json()).isEqualTo(newest);
        String source = call("GET", "/messages/" + id + "/source_code").send().json().get("data").asText();
        assertThat(source).contains("Subject: =?ISO-8859-1?Q?Caf=E9_cr=E8me?=").contains("filename=\"data.bin\"");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + LOCALHOST + ":" + postyard.httpPort() + "/tempmail/v1/attachments/" + listedAttachment.get("id").asText()))
            .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(attachment);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/octet-stream"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
            assertThat(disposition).startsWith("attachment; filename=\"data.bin\""));
    }

    @Test
    void deletingAMessageAndThenTheAddressTakeEffect() throws Exception {
        String email = create("{\"domain_type\":\"custom\"}");
        deliver(email, "From: a@outside.test\r\nTo: " + email + "\r\nSubject: one\r\n\r\n1\r\n");
        deliver(email, "From: a@outside.test\r\nTo: " + email + "\r\nSubject: two\r\n\r\n2\r\n");
        Awaitility.await().atMost(WAIT).until(() -> messages(email).size() == 2);
        String first = messages(email).get(1).get("id").asText();

        assertThat(call("DELETE", "/messages/" + first).send().status()).isEqualTo(200);
        assertThat(messages(email)).hasSize(1);
        assertError(call("GET", "/messages/" + first).send(), 404, "not_found");

        assertThat(call("DELETE", "/emails/" + email).send().status()).isEqualTo(200);
        assertError(call("GET", "/emails/" + email + "/messages").send(), 404, "not_found");
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("a@outside.test", email)).isInstanceOf(SMTPSendingException.class).hasMessageContaining("550");
        }
    }

    @Test
    void unknownThingsAreNotFound() {
        assertError(call("GET", "/messages/0123456789abcdef01234567.1").send(), 404, "not_found");
        assertError(call("GET", "/messages/garbage").send(), 404, "not_found");
        assertError(call("GET", "/messages/garbage/source_code").send(), 404, "not_found");
        assertError(call("DELETE", "/messages/garbage").send(), 404, "not_found");
        assertError(call("GET", "/attachments/0123456789abcdef01234567.1.0").send(), 404, "not_found");
        assertError(call("GET", "/emails/nobody@tempmail.localhost/messages").send(), 404, "not_found");
        assertError(call("DELETE", "/emails/not-an-address/").send(), 404, "not_found");
        assertError(call("GET", "/no/such/path").send(), 404, "not_found");
    }

    @Test
    void keysAreChecked() {
        ApiResponse missing = postyard.api().get("/tempmail/v1/domains").send();
        ApiResponse invalid = postyard.api().get("/tempmail/v1/domains").header("X-API-Key", "nope").send();
        ApiResponse mailgunKey = postyard.api().get("/tempmail/v1/domains").header("X-API-Key", postyard.primaryKey()).send();

        assertError(missing, 401, "api_key_empty");
        assertError(invalid, 401, "api_key_invalid");
        assertError(mailgunKey, 401, "api_key_invalid");
    }

    @Test
    void anotherAccountSeesNoneOfItAndCannotDeleteIt() throws Exception {
        String email = create("{\"domain_type\":\"public\"}");
        deliver(email, "From: a@outside.test\r\nTo: " + email + "\r\nSubject: private\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsecret\r\n"
            + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"s.txt\"\r\n\r\nsecret file\r\n--b--\r\n");
        Awaitility.await().atMost(WAIT).until(() -> messages(email).size() == 1);
        JsonNode message = messages(email).get(0);
        String id = message.get("id").asText();
        String attachmentId = message.get("attachments").get(0).get("id").asText();
        ApiResponse otherKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"tempmail\",\"account\":\"someone-else\",\"description\":\"other\"}").send();
        assertThat(otherKey.status()).isEqualTo(201);
        String other = otherKey.json().get("secret").asText();

        List<ApiResponse> attempts = List.of(
            postyard.api().get("/tempmail/v1/emails/" + email + "/messages").header("X-API-Key", other).send(),
            postyard.api().get("/tempmail/v1/messages/" + id).header("X-API-Key", other).send(),
            postyard.api().get("/tempmail/v1/messages/" + id + "/source_code").header("X-API-Key", other).send(),
            postyard.api().get("/tempmail/v1/attachments/" + attachmentId).header("X-API-Key", other).send(),
            postyard.api().delete("/tempmail/v1/messages/" + id).header("X-API-Key", other).send(),
            postyard.api().delete("/tempmail/v1/emails/" + email).header("X-API-Key", other).send());

        assertThat(attempts).allSatisfy(response -> {
            assertError(response, 404, "not_found");
            assertThat(response.body()).doesNotContain("secret");
        });
        assertThat(messages(email)).hasSize(1);
        ApiResponse taken = postyard.api().post("/tempmail/v1/emails").header("X-API-Key", other).json("{\"email\":\"" + email + "\"}").send();
        assertError(taken, 400, "validation_error");
        assertThat(postyard.api().get("/tempmail/v1/domains").header("X-API-Key", other).send().json().get("domains"))
            .noneMatch(domain -> domain.get("type").asText().equals("custom"));
    }
}

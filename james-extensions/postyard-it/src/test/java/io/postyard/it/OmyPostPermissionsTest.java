package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * The permission matrix: a key holding one permission may call exactly the endpoints that need it (2xx) and gets 403
 * {@code insufficient_permissions}, naming the missing permission, everywhere else.
 */
class OmyPostPermissionsTest {
    private static final List<String> PERMISSIONS = List.of("emails:read", "emails:write", "messages:read", "messages:write",
        "messages:send", "webhooks:read", "webhooks:write");

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .build();

    private static String admin;
    private static String emailId;
    private static int counter;

    /** An endpoint; a denied call goes to {@code deniedPath}, so it neither creates nor destroys fixtures. */
    private record Endpoint(String method, Supplier<String> path, String deniedPath, String permission, Supplier<String> body) {
    }

    @BeforeAll
    static void createFixtures() throws Exception {
        admin = postyard.createKey("omypost", PERMISSIONS.toArray(String[]::new));
        emailId = postyard.api().post("/omypost/v1/emails").bearer(admin).json("{\"prefix\":\"matrix\"}").send().json().get("id").asText();
        deliver("fixture");
    }

    private static String deliver(String subject) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("alice@outside.test", "matrix@omypost.localhost", "From: alice@outside.test\r\n"
                + "To: matrix@omypost.localhost\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
                + "--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a.txt\"\r\n\r\nfile\r\n--B--\r\n");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> messageId(subject) != null);
        return messageId(subject);
    }

    private static String messageId(String subject) {
        JsonNode list = postyard.api().get("/omypost/v1/emails/" + emailId + "/messages?limit=100").bearer(admin).send().json();
        for (JsonNode message : list.get("data")) {
            if (message.get("subject").asText().equals(subject)) {
                return message.get("id").asText();
            }
        }
        return null;
    }

    private static String freshEmail() {
        return postyard.api().post("/omypost/v1/emails").bearer(admin).json("{\"prefix\":\"disposable" + (++counter) + "\"}").send()
            .json().get("id").asText();
    }

    private static String freshWebhook() {
        return postyard.api().post("/omypost/v1/webhooks").bearer(admin).json("{\"url\":\"https://93.184.216.34/h" + (++counter) + "\"}")
            .send().json().get("id").asText();
    }

    private static String freshMessage() {
        try {
            return deliver("disposable " + (++counter));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Endpoint> endpoints() {
        String messages = "/emails/" + emailId + "/messages";
        Supplier<String> none = () -> null;
        return List.of(
            new Endpoint("GET", () -> "/emails", "/emails", "emails:read", none),
            new Endpoint("POST", () -> "/emails", "/emails", "emails:write", () -> "{\"prefix\":\"created" + (++counter) + "\"}"),
            new Endpoint("GET", () -> "/emails/" + emailId, "/emails/" + emailId, "emails:read", none),
            new Endpoint("PATCH", () -> "/emails/" + emailId, "/emails/" + emailId, "emails:write", () -> "{\"type\":\"permanent\"}"),
            new Endpoint("DELETE", () -> "/emails/" + freshEmail(), "/emails/" + emailId, "emails:write", none),
            new Endpoint("GET", () -> messages, messages, "messages:read", none),
            new Endpoint("GET", () -> messages + "/" + messageId("fixture"), messages + "/msg_1", "messages:read", none),
            new Endpoint("GET", () -> messages + "/" + messageId("fixture") + "/raw", messages + "/msg_1/raw", "messages:read", none),
            new Endpoint("GET", () -> messages + "/" + messageId("fixture") + "/attachments/att_0", messages + "/msg_1/attachments/att_0",
                "messages:read", none),
            new Endpoint("DELETE", () -> messages + "/" + freshMessage(), messages + "/msg_1", "messages:write", none),
            new Endpoint("POST", () -> messages, messages, "messages:send", () -> "{\"to\":\"friend@remote.example\",\"subject\":\"s\",\"text\":\"t\"}"),
            new Endpoint("POST", () -> "/webhooks", "/webhooks", "webhooks:write", () -> "{\"url\":\"https://93.184.216.34/created\"}"),
            new Endpoint("GET", () -> "/webhooks", "/webhooks", "webhooks:read", none),
            new Endpoint("GET", () -> "/webhooks/" + freshWebhook(), "/webhooks/wh_any", "webhooks:read", none),
            new Endpoint("PATCH", () -> "/webhooks/" + freshWebhook(), "/webhooks/wh_any", "webhooks:write",
                () -> "{\"events\":[\"email.received\"]}"),
            new Endpoint("DELETE", () -> "/webhooks/" + freshWebhook(), "/webhooks/wh_any", "webhooks:write", none));
    }

    private static ApiResponse call(String key, Endpoint endpoint, String path) {
        var call = postyard.api().call(endpoint.method(), "/omypost/v1" + path).bearer(key);
        String body = endpoint.body().get();
        return body == null ? call.send() : call.json(body).send();
    }

    @ParameterizedTest
    @ValueSource(strings = {"emails:read", "emails:write", "messages:read", "messages:write", "messages:send", "webhooks:read", "webhooks:write"})
    void aKeyWithOnePermissionReachesExactlyItsEndpoints(String permission) {
        String key = postyard.createKey("omypost", permission);

        for (Endpoint endpoint : endpoints()) {
            boolean allowed = endpoint.permission().equals(permission);
            String path = allowed ? endpoint.path().get() : endpoint.deniedPath();
            ApiResponse response = call(key, endpoint, path);
            String label = permission + " " + endpoint.method() + " " + path;
            if (allowed) {
                assertThat(response.status()).as(label + " " + response).isBetween(200, 299);
            } else {
                assertThat(response.status()).as(label + " " + response).isEqualTo(403);
                JsonNode error = response.json().get("error");
                assertThat(error.get("code").asText()).isEqualTo("insufficient_permissions");
                assertThat(error.get("details").get("required_permission").asText()).isEqualTo(endpoint.permission());
            }
        }
    }

    @Test
    void aKeyWithoutPermissionsOrWithUnknownOnesIsNotIssued() {
        ApiResponse none = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"omypost\",\"description\":\"x\",\"permissions\":[]}").send();
        ApiResponse unknown = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"omypost\",\"description\":\"x\",\"permissions\":[\"emails:destroy\"]}").send();
        ApiResponse onMailgunKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"primary\",\"description\":\"x\",\"permissions\":[\"emails:read\"]}").send();

        assertThat(none.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("emails:destroy");
        assertThat(onMailgunKey.status()).isEqualTo(400);
    }

    @Test
    void anOmyPostKeyIsNotAMailgunKey() {
        String key = postyard.createKey("omypost", PERMISSIONS.toArray(String[]::new));

        assertThat(postyard.api().get("/mailgun/v3/domains").basicAuth("api", key).send().status()).isEqualTo(401);
    }
}

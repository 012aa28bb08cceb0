package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** Domain webhooks, the account signing key and tracking settings through HTTP. */
class MailgunWebhooksAndTrackingApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static final String DOMAIN = "hooks.test";

    @BeforeAll
    static void createDomain() {
        primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", DOMAIN)).send();
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static HttpApi.Call webhooks(String method, String suffix) {
        return primary(postyard.api().call(method, "/mailgun/v3/domains/" + DOMAIN + "/webhooks" + suffix));
    }

    private static String multipartUrls(String... urls) {
        return String.join("&", java.util.Arrays.stream(urls).map(url -> "url=" + java.net.URLEncoder.encode(url,
            java.nio.charset.StandardCharsets.UTF_8)).toList());
    }

    private static ApiResponse createWebhook(String id, String... urls) {
        return webhooks("POST", "").raw("application/x-www-form-urlencoded",
            ("id=" + id + "&" + multipartUrls(urls)).getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
    }

    @Test
    void aWebhookIsCreatedReadUpdatedListedAndDeleted() {
        ApiResponse created = createWebhook("clicked", "https://hooks.example/v1/clicked", "http://hooks.example/v2/clicked");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("message").asText()).isEqualTo("Webhook has been created");
        assertThat(created.json().get("webhook").get("urls")).extracting(JsonNode::asText)
            .containsExactly("https://hooks.example/v1/clicked", "http://hooks.example/v2/clicked");

        assertThat(webhooks("GET", "/clicked").send().json().get("webhook").get("urls")).hasSize(2);

        ApiResponse updated = webhooks("PUT", "/clicked").form(Map.of("url", "https://hooks.example/v3/clicked")).send();
        assertThat(updated.json().get("message").asText()).isEqualTo("Webhook has been updated");
        assertThat(updated.json().get("webhook").get("urls")).extracting(JsonNode::asText)
            .containsExactly("https://hooks.example/v3/clicked");

        JsonNode listed = webhooks("GET", "").send().json();
        assertThat(listed.get("webhooks").get("clicked").get("urls").get(0).asText()).isEqualTo("https://hooks.example/v3/clicked");

        ApiResponse deleted = webhooks("DELETE", "/clicked").send();
        assertThat(deleted.json().get("message").asText()).isEqualTo("Webhook has been deleted");
        assertThat(webhooks("GET", "/clicked").send().status()).isEqualTo(404);
    }

    @Test
    void everyDocumentedNameIsAccepted() {
        for (String name : List.of("accepted", "delivered", "opened", "unsubscribed", "complained", "permanent_fail", "temporary_fail")) {
            assertThat(createWebhook(name, "https://hooks.example/" + name).status()).as(name).isEqualTo(200);
        }
        assertThat(webhooks("GET", "").send().json().get("webhooks").size()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void webhooksIntoTheServersOwnNetworkAreRefused() {
        webhooks("DELETE", "/complained").send();
        for (String url : List.of("http://127.0.0.1:8000/postyard/keys", "http://localhost/x", "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.5/hook", "http://192.168.1.10/hook", "http://[::1]/hook", "http://[fd12::1]/hook",
            "http://0177.0.0.1/hook", "http://0x7f000001/hook", "http://2130706433/hook",
            "http://[64:ff9b::7f00:1]/hook", "http://[::ffff:7f00:1]/hook", "http://[2002:a9fe:a9fe::]/hook")) {
            ApiResponse refused = createWebhook("complained", url);

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).as(url).contains("internal address");
        }
        assertThat(webhooks("GET", "/complained").send().status()).isEqualTo(404);
        assertThat(createWebhook("complained", "https://93.184.216.34/hook").status()).isEqualTo(200);
        webhooks("DELETE", "/complained").send();
    }

    @Test
    void badWebhooksAre400NamingTheField() {
        ApiResponse unknownName = createWebhook("bounced", "https://hooks.example/x");
        ApiResponse tooMany = createWebhook("delivered", "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4");
        ApiResponse notHttp = createWebhook("delivered", "ftp://hooks.example/x");
        ApiResponse relative = createWebhook("delivered", "/just/a/path");
        ApiResponse noUrl = webhooks("POST", "").form(Map.of("id", "delivered")).send();
        ApiResponse noId = webhooks("POST", "").form(Map.of("url", "https://hooks.example/x")).send();

        assertThat(unknownName.status()).isEqualTo(400);
        assertThat(unknownName.json().get("message").asText()).contains("'id'");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("message").asText()).contains("url");
        assertThat(notHttp.status()).isEqualTo(400);
        assertThat(relative.status()).isEqualTo(400);
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.json().get("message").asText()).contains("url");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().get("message").asText()).contains("id");
    }

    @Test
    void aSecondWebhookOfTheSameNameIsRefused() {
        createWebhook("complained", "https://hooks.example/once");

        assertThat(createWebhook("complained", "https://hooks.example/twice").status()).isEqualTo(400);
    }

    @Test
    void webhooksOfAnUnknownDomainAreNotFound() {
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/unknown.test/webhooks")).send().status()).isEqualTo(404);
    }

    @Test
    void theSigningKeyCanBeReadAndRotated() {
        String first = primary(postyard.api().get("/mailgun/v5/accounts/http_signing_key")).send().json().get("http_signing_key").asText();
        String again = primary(postyard.api().get("/mailgun/v5/accounts/http_signing_key")).send().json().get("http_signing_key").asText();
        ApiResponse rotated = primary(postyard.api().post("/mailgun/v5/accounts/http_signing_key")).send();

        assertThat(first).isNotBlank().isEqualTo(again);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("http_signing_key").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(primary(postyard.api().get("/mailgun/v5/accounts/http_signing_key")).send().json().get("http_signing_key").asText())
            .isEqualTo(second);
    }

    @Test
    void trackingIsOffUntilTurnedOn() {
        JsonNode tracking = primary(postyard.api().get("/mailgun/v3/domains/" + DOMAIN + "/tracking")).send().json().get("tracking");
        assertThat(tracking.get("open").get("active").asBoolean()).isFalse();
        assertThat(tracking.get("click").get("active").asBoolean()).isFalse();
        assertThat(tracking.get("unsubscribe").get("active").asBoolean()).isFalse();

        ApiResponse open = primary(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/open")).form(Map.of("active", "yes")).send();
        ApiResponse click = primary(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/click")).form(Map.of("active", "htmlonly")).send();
        ApiResponse unsubscribe = primary(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/unsubscribe"))
            .form(Map.of("active", "true", "html_footer", "<a href=\"%unsubscribe_url%\">stop</a>", "text_footer", "stop: %unsubscribe_url%")).send();

        assertThat(open.json().get("message").asText()).isEqualTo("Domain tracking settings have been updated");
        assertThat(open.json().get("open").get("active").asBoolean()).isTrue();
        assertThat(click.json().get("click").get("active").asText()).isEqualTo("htmlonly");
        assertThat(unsubscribe.json().get("unsubscribe").get("html_footer").asText()).contains("stop");

        JsonNode after = primary(postyard.api().get("/mailgun/v3/domains/" + DOMAIN + "/tracking")).send().json().get("tracking");
        assertThat(after.get("open").get("active").asBoolean()).isTrue();
        assertThat(after.get("click").get("active").asText()).isEqualTo("htmlonly");
        assertThat(after.get("unsubscribe").get("active").asBoolean()).isTrue();
        assertThat(after.get("unsubscribe").get("text_footer").asText()).isEqualTo("stop: %unsubscribe_url%");
    }

    @Test
    void badTrackingValuesAre400() {
        ApiResponse missing = primary(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/open")).form(Map.of()).send();
        ApiResponse wrong = primary(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/open")).form(Map.of("active", "maybe")).send();
        ApiResponse unknownKind = primary(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/telepathy")).form(Map.of("active", "yes")).send();

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).contains("active");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(unknownKind.status()).isEqualTo(404);
    }

    @Test
    void aSendingKeyCannotChangeWebhooksOrTracking() {
        String key = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"domain_sending\",\"domain\":\"" + DOMAIN + "\"}")
            .send().json().get("secret").asText();

        assertThat(postyard.api().get("/mailgun/v3/domains/" + DOMAIN + "/webhooks").basicAuth("api", key).send().status()).isEqualTo(403);
        assertThat(postyard.api().put("/mailgun/v3/domains/" + DOMAIN + "/tracking/open").basicAuth("api", key)
            .form(Map.of("active", "yes")).send().status()).isEqualTo(403);
        assertThat(postyard.api().get("/mailgun/v5/accounts/http_signing_key").basicAuth("api", key).send().status()).isEqualTo(403);
    }
}

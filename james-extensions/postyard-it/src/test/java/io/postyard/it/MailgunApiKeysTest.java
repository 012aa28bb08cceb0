package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** Mailgun's {@code /v1/keys} as mailgun.js {@code apiKeys.list/create/destroy} call it: keys a user makes and revokes. */
class MailgunApiKeysTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "keys.test";

    @BeforeAll
    static void createDomains() {
        for (String domain : List.of(DOMAIN, "other-keys.test")) {
            primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", domain)).send();
        }
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static ApiResponse create(Map<String, String> fields) {
        return primary(postyard.api().post("/mailgun/v1/keys")).multipart(fields).send();
    }

    @Test
    void aSendingKeyMadeOverTheApiSendsForItsDomainOnlyUntilItIsDeleted() {
        ApiResponse created = create(Map.of("role", "sending", "kind", "domain", "domain_name", DOMAIN, "description", "app"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode key = created.json().get("key");
        String secret = key.get("secret").asText();
        assertThat(created.json().get("id").asText()).isEqualTo(key.get("id").asText());
        assertThat(key.get("role").asText()).isEqualTo("sending");
        assertThat(key.get("kind").asText()).isEqualTo("domain");
        assertThat(key.get("domain_name").asText()).isEqualTo(DOMAIN);
        assertThat(java.time.Instant.parse(key.get("created_at").asText())).isNotNull();

        ApiResponse sent = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", secret)
            .form(Map.of("from", "app@" + DOMAIN, "to", "someone@far.example", "subject", "hi", "text", "hi")).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(postyard.api().post("/mailgun/v3/other-keys.test/messages").basicAuth("api", secret)
            .form(Map.of("from", "app@other-keys.test", "to", "someone@far.example", "subject", "hi", "text", "hi")).send().status())
            .isEqualTo(403);
        assertThat(postyard.api().get("/mailgun/v1/keys").basicAuth("api", secret).send().status()).isEqualTo(403);

        JsonNode listed = primary(postyard.api().get("/mailgun/v1/keys?domain_name=" + DOMAIN)).send().json();
        assertThat(listed.get("items")).extracting(item -> item.get("id").asText()).containsExactly(key.get("id").asText());
        assertThat(listed.get("items").get(0).has("secret")).isFalse();

        ApiResponse deleted = primary(postyard.api().delete("/mailgun/v1/keys/" + key.get("id").asText())).send();
        assertThat(deleted.json().get("message").asText()).isEqualTo("key deleted");
        assertThat(postyard.api().get("/mailgun/v3/domains/" + DOMAIN).basicAuth("api", secret).send().status()).isEqualTo(401);
        assertThat(primary(postyard.api().delete("/mailgun/v1/keys/" + key.get("id").asText())).send().status()).isEqualTo(404);
    }

    @Test
    void anAdminKeyActsForTheWholeAccount() {
        String secret = create(Map.of("role", "admin", "description", "ops")).json().get("key").get("secret").asText();

        assertThat(postyard.api().post("/mailgun/v3/domains").basicAuth("api", secret).form(Map.of("name", "made-by-admin.test"))
            .send().status()).isEqualTo(200);
        assertThat(primary(postyard.api().get("/mailgun/v1/keys?kind=user")).send().json().get("items"))
            .anySatisfy(item -> assertThat(item.get("role").asText()).isEqualTo("admin"));
    }

    @Test
    void badKeyRequestsAre400() {
        for (Map<String, String> bad : List.of(Map.of("role", "developer"), Map.of("role", "sending"),
                Map.of("role", "sending", "domain_name", "nowhere.test"), Map.of("role", "admin", "domain_name", DOMAIN),
                Map.of("role", "admin", "expiration", "3600"), Map.of("description", "no role"))) {
            ApiResponse response = create(bad);
            assertThat(response.status()).as(bad.toString()).isEqualTo(400);
            assertThat(response.json().get("message").asText()).isNotBlank();
        }
    }
}

package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** The WebAdmin key routes: a secret is shown once, keys can be listed and revoked, nonsense is refused. */
class ApiKeyAdminRoutesTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    @BeforeAll
    static void createDomain() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "keys.test")).send();
    }

    private ApiResponse createKey(String json) {
        return postyard.webAdmin().post("/postyard/keys").json(json).send();
    }

    @Test
    void aCreatedKeyShowsItsSecretOnceAndWorks() {
        ApiResponse created = createKey("{\"kind\":\"primary\",\"description\":\"ci\"}");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        String id = created.json().get("id").asText();
        assertThat(secret).startsWith("key-").hasSizeGreaterThan(40);
        assertThat(created.json().get("hint").asText()).isEqualTo(secret.substring(secret.length() - 4));

        ApiResponse shown = postyard.webAdmin().get("/postyard/keys/" + id).send();
        assertThat(shown.json().has("secret")).isFalse();
        assertThat(shown.body()).doesNotContain(secret);
        assertThat(postyard.webAdmin().get("/postyard/keys").send().body()).doesNotContain(secret);

        assertThat(postyard.api().get("/mailgun/v3/domains").basicAuth("api", secret).send().status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsWorking() {
        JsonNode created = createKey("{\"kind\":\"primary\",\"description\":\"to revoke\"}").json();
        String secret = created.get("secret").asText();

        ApiResponse revocation = postyard.webAdmin().delete("/postyard/keys/" + created.get("id").asText()).send();

        assertThat(revocation.status()).isEqualTo(204);
        assertThat(postyard.webAdmin().get("/postyard/keys/" + created.get("id").asText()).send().json().has("revokedAt"))
            .isTrue();
        assertThat(postyard.api().get("/mailgun/v3/domains").basicAuth("api", secret).send().status()).isEqualTo(401);
    }

    @Test
    void theConfiguredPrimaryKeyIsListedWithoutItsSecret() {
        ApiResponse list = postyard.webAdmin().get("/postyard/keys").send();

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(postyard.primaryKey());
        assertThat(list.json()).anySatisfy(key -> {
            assertThat(key.get("kind").asText()).isEqualTo("primary");
            assertThat(key.get("hint").asText()).isEqualTo(postyard.primaryKey().substring(postyard.primaryKey().length() - 4));
        });
    }

    @Test
    void aDomainSendingKeyNeedsADomainOfTheAccount() {
        assertThat(createKey("{\"kind\":\"domain_sending\"}").status()).isEqualTo(400);
        assertThat(createKey("{\"kind\":\"domain_sending\",\"domain\":\"elsewhere.test\"}").status()).isEqualTo(400);
        ApiResponse ok = createKey("{\"kind\":\"domain_sending\",\"domain\":\"keys.test\"}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("domain").asText()).isEqualTo("keys.test");
    }

    @Test
    void nonsenseRequestsAre400() {
        assertThat(createKey("{\"kind\":\"superuser\"}").status()).isEqualTo(400);
        assertThat(createKey("{\"kind\":\"NOT A KIND\"}").status()).isEqualTo(400);
        assertThat(createKey("{\"description\":\"no kind\"}").status()).isEqualTo(400);
        assertThat(createKey("{not json").status()).isEqualTo(400);
        assertThat(createKey("{\"kind\":\"primary\",\"domain\":\"keys.test\"}").status()).isEqualTo(400);
    }

    @Test
    void anUnknownKeyIs404() {
        assertThat(postyard.webAdmin().get("/postyard/keys/key_0000").send().status()).isEqualTo(404);
        assertThat(postyard.webAdmin().delete("/postyard/keys/key_0000").send().status()).isEqualTo(404);
    }
}

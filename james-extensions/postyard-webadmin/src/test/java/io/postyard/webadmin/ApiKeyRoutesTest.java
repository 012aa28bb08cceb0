package io.postyard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyAdministration;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyPermissions;
import io.postyard.core.key.MemoryApiKeyStore;

class ApiKeyRoutesTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final KeyKind OMYPOST = new KeyKind("omypost");
    private static final String KEYS = "/postyard/keys";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ApiKeyService keys = new ApiKeyService(new MemoryApiKeyStore(), clock);
    private final DomainService domains = MemoryDomains.service(clock);
    private TestWebAdmin webAdmin;

    @BeforeEach
    void startWebAdmin() {
        // The kinds and permissions a server with OmyPost declares, so that permission checks have something to refuse.
        KeyAdministration administration = new KeyAdministration(keys, domains, Set.of(KeyKind.PRIMARY, KeyKind.DOMAIN_SENDING, OMYPOST),
            Set.of(new KeyPermissions(OMYPOST, Set.of("emails:read", "emails:send"))), Set.of());
        webAdmin = TestWebAdmin.serving(new ApiKeyRoutes(administration, keys, new JsonTransformer()));
    }

    @AfterEach
    void stopWebAdmin() {
        webAdmin.destroy();
    }

    @Test
    void aCreatedKeyShowsItsSecretOnceAndNeverInTheList() {
        TestWebAdmin.Reply created = webAdmin.post(KEYS, "{\"kind\":\"primary\",\"description\":\"ci\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode key = created.json();
        String id = key.get("id").asText();
        String secret = key.get("secret").asText();
        assertThat(secret).startsWith(ApiKeyService.DEFAULT_SECRET_PREFIX).hasSizeGreaterThan(40);
        assertThat(key.get("hint").asText()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(key.get("kind").asText()).isEqualTo("primary");
        assertThat(key.get("account").asText()).isEqualTo("default");
        assertThat(key.get("description").asText()).isEqualTo("ci");
        assertThat(key.get("createdAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(key.has("revokedAt")).isFalse();
        assertThat(key.has("domain")).isFalse();
        // The secret shown is the one that authenticates, though only its hash is kept.
        assertThat(keys.authenticate(secret)).map(found -> found.id().value()).contains(id);

        TestWebAdmin.Reply shown = webAdmin.get(KEYS + "/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("id").asText()).isEqualTo(id);
        assertThat(shown.json().has("secret")).isFalse();
        assertThat(shown.body()).doesNotContain(secret);

        TestWebAdmin.Reply list = webAdmin.get(KEYS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.json().get(0).has("secret")).isFalse();
        assertThat(list.body()).doesNotContain(secret);
    }

    @Test
    void aRevokedKeyIsStillShownWithItsRevocationTimeButNoLongerAuthenticates() {
        JsonNode created = webAdmin.post(KEYS, "{\"kind\":\"primary\",\"description\":\"to revoke\"}").json();
        String id = created.get("id").asText();

        TestWebAdmin.Reply revocation = webAdmin.delete(KEYS + "/" + id);

        assertThat(revocation.status()).isEqualTo(204);
        assertThat(revocation.body()).isEmpty();
        TestWebAdmin.Reply shown = webAdmin.get(KEYS + "/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("revokedAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(keys.authenticate(created.get("secret").asText())).isEmpty();
        // Revoking again is not an error, so an operator may safely retry a call that timed out.
        assertThat(webAdmin.delete(KEYS + "/" + id).status()).isEqualTo(204);
    }

    @Test
    void aDomainSendingKeyNeedsADomainOfItsOwnAccount() {
        AccountId accountB = new AccountId("account-b");
        domains.create(accountB, Domain.of("keys.test"), false);

        TestWebAdmin.Reply withoutDomain = webAdmin.post(KEYS, "{\"kind\":\"domain_sending\",\"account\":\"account-b\"}");
        TestWebAdmin.Reply ofAnotherAccount = webAdmin.post(KEYS, "{\"kind\":\"domain_sending\",\"domain\":\"keys.test\"}");
        TestWebAdmin.Reply issued = webAdmin.post(KEYS, "{\"kind\":\"domain_sending\",\"domain\":\"keys.test\",\"account\":\"account-b\"}");

        assertThat(withoutDomain.status()).isEqualTo(400);
        assertThat(withoutDomain.json().get("message").asText()).isEqualTo("A domain sending key needs a domain");
        assertThat(ofAnotherAccount.status()).isEqualTo(400);
        assertThat(ofAnotherAccount.json().get("message").asText()).isEqualTo("Domain keys.test does not belong to account default");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("domain").asText()).isEqualTo("keys.test");
        assertThat(issued.json().get("account").asText()).isEqualTo("account-b");
        // Without ?account= the list is the default account's, so another account's keys stay out of it.
        assertThat(webAdmin.get(KEYS).json()).isEmpty();
        JsonNode listOfB = webAdmin.get(KEYS + "?account=account-b").json();
        assertThat(listOfB).hasSize(1);
        assertThat(listOfB.get(0).get("id").asText()).isEqualTo(issued.json().get("id").asText());
    }

    @Test
    void aRequestWithoutKindIsA400InJamesErrorFormatAndIssuesNothing() {
        TestWebAdmin.Reply withoutKind = webAdmin.post(KEYS, "{\"description\":\"no kind\"}");

        assertThat(withoutKind.status()).isEqualTo(400);
        assertThat(withoutKind.json().get("statusCode").asInt()).isEqualTo(400);
        assertThat(withoutKind.json().get("type").asText()).isEqualTo("InvalidArgument");
        assertThat(withoutKind.json().get("message").asText()).isEqualTo("'kind' is required");

        assertThat(webAdmin.post(KEYS, "{not json").status()).isEqualTo(400);
        assertThat(webAdmin.post(KEYS, "null").status()).isEqualTo(400);
        assertThat(webAdmin.post(KEYS, "{\"kind\":\"NOT A KIND\"}").status()).isEqualTo(400);
        assertThat(webAdmin.post(KEYS, "{\"kind\":\"primary\",\"account\":\" \"}").status()).isEqualTo(400);
        TestWebAdmin.Reply unknownKind = webAdmin.post(KEYS, "{\"kind\":\"superuser\"}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("message").asText()).isEqualTo("Unknown key kind 'superuser'");
        TestWebAdmin.Reply primaryOnADomain = webAdmin.post(KEYS, "{\"kind\":\"primary\",\"domain\":\"keys.test\"}");
        assertThat(primaryOnADomain.status()).isEqualTo(400);
        assertThat(primaryOnADomain.json().get("message").asText()).isEqualTo("A primary key cannot be limited to a domain");
        TestWebAdmin.Reply unknownPermission = webAdmin.post(KEYS, "{\"kind\":\"omypost\",\"permissions\":[\"emails:destroy\"]}");
        assertThat(unknownPermission.status()).isEqualTo(400);
        assertThat(unknownPermission.json().get("message").asText()).contains("emails:destroy");
        assertThat(webAdmin.get(KEYS).json()).isEmpty();
    }

    @Test
    void anUnknownKeyIs404() {
        TestWebAdmin.Reply shown = webAdmin.get(KEYS + "/key_0000");
        TestWebAdmin.Reply revoked = webAdmin.delete(KEYS + "/key_0000");

        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.json().get("type").asText()).isEqualTo("notFound");
        assertThat(shown.json().get("message").asText()).isEqualTo("Key key_0000 does not exist");
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.json().get("message").asText()).isEqualTo("Key key_0000 does not exist");
    }
}

package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** The domain and credential endpoints as mailgun.js and curl call them: shapes, paging, keys and bad input. */
class MailgunDomainsApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static String sendingKey;

    @BeforeAll
    static void createDomainsAndASendingKey() {
        for (String name : new String[] {"alpha.test", "bravo.test", "charlie.test"}) {
            ApiResponse created = primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", name)).send();
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
        }
        ApiResponse key = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"domain_sending\",\"domain\":\"bravo.test\",\"description\":\"bravo sender\"}").send();
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        sendingKey = key.json().get("secret").asText();
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static HttpApi.Call sending(HttpApi.Call call) {
        return call.basicAuth("api", sendingKey);
    }

    @Test
    void listsTheAccountDomainsInMailgunShape() {
        ApiResponse response = primary(postyard.api().get("/mailgun/v3/domains")).send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("total_count").asInt()).isEqualTo(body.get("items").size()).isGreaterThanOrEqualTo(3);
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("name").asText()).isEqualTo("alpha.test");
        assertThat(first.get("state").asText()).isEqualTo("unverified");
        assertThat(first.get("wildcard").asBoolean()).isFalse();
        assertThat(first.get("force_dkim_authority").asBoolean()).isFalse();
        assertThat(first.get("created_at").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }

    @Test
    void pagesWithLimitAndSkip() {
        JsonNode body = primary(postyard.api().get("/mailgun/v3/domains?limit=1&skip=1")).send().json();

        assertThat(body.get("total_count").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("name").asText()).isEqualTo("bravo.test");
    }

    @Test
    void filtersByState() {
        JsonNode active = primary(postyard.api().get("/mailgun/v3/domains?state=active")).send().json();
        // The only active ones are the domains the server runs for OmyPost, Temp Mail and openmail; the test's are unverified.
        assertThat(active.get("items")).extracting(domain -> domain.get("name").asText())
            .containsExactlyInAnyOrder("omypost.localhost", "tempmail.localhost", "premium.tempmail.localhost", "openmail.localhost");
        assertThat(primary(postyard.api().get("/mailgun/v3/domains?state=unverified")).send().json().get("total_count").asInt())
            .isGreaterThanOrEqualTo(3);
    }

    @Test
    void servesTheV4PathsSdksCall() {
        ApiResponse list = primary(postyard.api().get("/mailgun/v4/domains")).send();
        ApiResponse one = primary(postyard.api().get("/mailgun/v4/domains/alpha.test")).send();

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("domain").get("name").asText()).isEqualTo("alpha.test");
    }

    @Test
    void anUpdateChangesTheGivenFieldsAndKeepsTheOthers() {
        primary(postyard.api().post("/mailgun/v4/domains")).multipart(Map.of("name", "update.test")).send();

        ApiResponse updated = primary(postyard.api().put("/mailgun/v4/domains/update.test")).multipart(Map.of(
            "spam_action", "block", "web_scheme", "https", "wildcard", "true", "require_tls", "true", "mailfrom_host", "bounce",
            "message_ttl", "3600")).send();
        ApiResponse again = primary(postyard.api().put("/mailgun/v3/domains/update.test")).form(Map.of("web_prefix", "track")).send();

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("message").asText()).isEqualTo("Domain has been updated");
        assertThat(updated.json().get("sending_dns_records")).isNotEmpty();
        JsonNode domain = primary(postyard.api().get("/mailgun/v4/domains/update.test")).send().json().get("domain");
        assertThat(domain.get("spam_action").asText()).isEqualTo("block");
        assertThat(domain.get("web_scheme").asText()).isEqualTo("https");
        assertThat(domain.get("web_prefix").asText()).isEqualTo("track");
        assertThat(domain.get("wildcard").asBoolean()).isTrue();
        assertThat(domain.get("require_tls").asBoolean()).isTrue();
        assertThat(domain.get("skip_verification").asBoolean()).isFalse();
        assertThat(domain.get("mailfrom_host").asText()).isEqualTo("bounce.update.test");
        assertThat(again.json().get("domain").get("spam_action").asText()).isEqualTo("block");
        assertThat(primary(postyard.api().put("/mailgun/v4/domains/update.test")).form(Map.of("smtp_password", "pm-updated-1"))
            .send().status()).isEqualTo(200);
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/update.test/credentials")).send().json().get("items"))
            .extracting(item -> item.get("login").asText()).contains("postmaster@update.test");
    }

    @Test
    void aNewDomainShowsMailgunsDefaultsAndTheV4Message() {
        JsonNode created = primary(postyard.api().post("/mailgun/v4/domains")).multipart(Map.of("name", "defaults.test")).send().json();

        assertThat(created.get("message").asText()).isEqualTo("Domain DNS records have been created");
        assertThat(created.get("domain").get("spam_action").asText()).isEqualTo("disabled");
        assertThat(created.get("domain").get("web_prefix").asText()).isEqualTo("email");
        assertThat(created.get("domain").get("smtp_login").asText()).isEqualTo("postmaster@defaults.test");
        assertThat(created.get("domain").get("is_disabled").asBoolean()).isFalse();
    }

    @Test
    void badUpdatesAre400AndAnUnknownDomain404() {
        for (Map<String, String> bad : List.of(Map.of("spam_action", "zap"), Map.of("web_scheme", "ftp"),
                Map.of("web_prefix", "Bad Prefix"), Map.of("message_ttl", "forever"), Map.of("mailfrom_host", "Bounce"),
                Map.of("wildcard", "maybe"), Map.of("archive_to", "javascript:alert(1)"))) {
            ApiResponse response = primary(postyard.api().put("/mailgun/v4/domains/alpha.test")).form(bad).send();
            assertThat(response.status()).as(bad.toString()).isEqualTo(400);
            assertThat(response.json().get("message").asText()).contains(bad.keySet().iterator().next());
        }
        assertThat(primary(postyard.api().put("/mailgun/v4/domains/nowhere.test")).form(Map.of("wildcard", "true")).send().status())
            .isEqualTo(404);
        assertThat(sending(postyard.api().put("/mailgun/v4/domains/bravo.test")).form(Map.of("wildcard", "true")).send().status())
            .isEqualTo(403);
    }

    @Test
    void getsOneDomainWithItsDnsRecords() {
        JsonNode body = primary(postyard.api().get("/mailgun/v3/domains/alpha.test")).send().json();

        assertThat(body.get("domain").get("updated_at").asText()).endsWith("GMT");
        JsonNode mx = body.get("receiving_dns_records").get(0);
        assertThat(mx.get("record_type").asText()).isEqualTo("MX");
        assertThat(mx.get("priority").asInt()).isEqualTo(10);
        assertThat(mx.get("value").asText()).isEqualTo(postyard.settings().get(io.postyard.core.settings.Setting.HOSTNAME));
        JsonNode spf = body.get("sending_dns_records").get(0);
        assertThat(spf.get("record_type").asText()).isEqualTo("TXT");
        assertThat(spf.get("value").asText()).startsWith("v=spf1 ");
    }

    @Test
    void createAcceptsJsonBodiesAsInTheDocumentSamples() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains"))
            .json("{\"name\": \"json-body.test\", \"wildcard\": true}").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("domain").get("wildcard").asBoolean()).isTrue();
        assertThat(response.json().get("message").asText()).isEqualTo("Domain has been created");
    }

    @Test
    void createWithSmtpPasswordCreatesThePostmasterLogin() {
        primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", "postmaster.test", "smtp_password", "pm-secret")).send();

        JsonNode credentials = primary(postyard.api().get("/mailgun/v3/domains/postmaster.test/credentials")).send().json();
        assertThat(credentials.get("items").get(0).get("login").asText()).isEqualTo("postmaster@postmaster.test");
    }

    @Test
    void aTakenDomainNameIsRefused() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", "alpha.test")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("This domain name is already taken");
    }

    @Test
    void anUnknownDomainIsNotFound() {
        ApiResponse response = primary(postyard.api().get("/mailgun/v3/domains/nowhere.test")).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).isEqualTo("Domain not found");
    }

    @Test
    void aWrongKeyGets401InMailgunFormat() {
        ApiResponse response = postyard.api().get("/mailgun/v3/domains").basicAuth("api", "key-wrong").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("message").asText()).isEqualTo("Forbidden");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void aMissingAuthorizationGets401() {
        assertThat(postyard.api().get("/mailgun/v3/domains").send().status()).isEqualTo(401);
    }

    @Test
    void theKeyMustBeSentAsUserApi() {
        assertThat(postyard.api().get("/mailgun/v3/domains").basicAuth("admin", postyard.primaryKey()).send().status())
            .isEqualTo(401);
    }

    @Test
    void aSendingKeySeesOnlyItsDomain() {
        JsonNode body = sending(postyard.api().get("/mailgun/v3/domains")).send().json();

        assertThat(body.get("total_count").asInt()).isEqualTo(1);
        assertThat(body.get("items").get(0).get("name").asText()).isEqualTo("bravo.test");
        assertThat(sending(postyard.api().get("/mailgun/v3/domains/bravo.test")).send().status()).isEqualTo(200);
    }

    @Test
    void aSendingKeyCannotTouchAnotherDomain() {
        ApiResponse response = sending(postyard.api().get("/mailgun/v3/domains/alpha.test")).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void aSendingKeyCannotUsePrimaryOnlyEndpoints() {
        assertThat(sending(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", "sneaky.test")).send().status())
            .isEqualTo(403);
        assertThat(sending(postyard.api().get("/mailgun/v3/domains/bravo.test/credentials")).send().status())
            .isEqualTo(403);
        assertThat(sending(postyard.api().delete("/mailgun/v3/domains/bravo.test")).send().status())
            .isEqualTo(403);
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/bravo.test")).send().status()).isEqualTo(200);
    }

    @Test
    void malformedJsonIs400() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains")).json("{\"name\": ").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo("Malformed JSON body");
    }

    @Test
    void aMissingNameIs400() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("wildcard", "true")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("name");
    }

    @Test
    void anInvalidDomainNameIs400() {
        for (String bad : new String[] {"no_underscores.test", "single", "evil.test\r\nX-Injected: 1", "a..b.test"}) {
            ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", bad)).send();
            assertThat(response.status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void wrongTypesAre400() {
        assertThat(primary(postyard.api().get("/mailgun/v3/domains?limit=abc")).send().status()).isEqualTo(400);
        assertThat(primary(postyard.api().get("/mailgun/v3/domains?limit=5000")).send().status()).isEqualTo(400);
        assertThat(primary(postyard.api().get("/mailgun/v3/domains?skip=-1")).send().status()).isEqualTo(400);
        assertThat(primary(postyard.api().get("/mailgun/v3/domains?state=sleeping")).send().status()).isEqualTo(400);
        assertThat(primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", "typed.test", "wildcard", "maybe"))
            .send().status()).isEqualTo(400);
    }

    @Test
    void malformedFormEncodingIs400() {
        ApiResponse badEscape = primary(postyard.api().post("/mailgun/v3/domains"))
            .raw("application/x-www-form-urlencoded", "name=%zz".getBytes(StandardCharsets.US_ASCII)).send();
        ApiResponse badUtf8 = primary(postyard.api().post("/mailgun/v3/domains"))
            .raw("application/x-www-form-urlencoded", "name=%C3%28.test".getBytes(StandardCharsets.US_ASCII)).send();
        ApiResponse badMultipart = primary(postyard.api().post("/mailgun/v3/domains"))
            .raw("multipart/form-data; boundary=nope", "garbage".getBytes(StandardCharsets.US_ASCII)).send();

        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(badMultipart.status()).isEqualTo(400);
        assertThat(badMultipart.json().get("message").asText()).isNotBlank();
    }

    @Test
    void aBodyThatIsNeitherFormNorJsonIs400() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains"))
            .raw("text/xml", "<name>x.test</name>".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("text/xml");
    }

    @Test
    void anUnknownRouteIs404InMailgunFormat() {
        ApiResponse response = primary(postyard.api().get("/mailgun/v3/nothing/here")).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void credentialPasswordsMustBeFiveToThirtyTwoCharacters() {
        ApiResponse tooShort = primary(postyard.api().post("/mailgun/v3/domains/alpha.test/credentials"))
            .form(Map.of("login", "shorty", "password", "1234")).send();
        ApiResponse tooLong = primary(postyard.api().post("/mailgun/v3/domains/alpha.test/credentials"))
            .form(Map.of("login", "longy", "password", "x".repeat(33))).send();

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("message").asText()).isEqualTo("Password length must be between 5 and 32 characters");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void credentialLoginsAreValidatedAndBoundToTheirDomain() {
        ApiResponse crlf = primary(postyard.api().post("/mailgun/v3/domains/alpha.test/credentials"))
            .form(Map.of("login", "bob\r\nRCPT TO:<x@y>", "password", "secret1")).send();
        ApiResponse foreign = primary(postyard.api().post("/mailgun/v3/domains/alpha.test/credentials"))
            .form(Map.of("login", "bob@bravo.test", "password", "secret1")).send();

        assertThat(crlf.status()).isEqualTo(400);
        assertThat(foreign.status()).isEqualTo(400);
    }

    @Test
    void credentialsAreListedWithPaging() {
        for (String login : new String[] {"ann", "ben", "cat"}) {
            primary(postyard.api().post("/mailgun/v3/domains/charlie.test/credentials"))
                .form(Map.of("login", login, "password", "secret-" + login)).send();
        }

        JsonNode page = primary(postyard.api().get("/mailgun/v3/domains/charlie.test/credentials?limit=2&skip=1")).send().json();

        assertThat(page.get("total_count").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("login").asText()).isEqualTo("ben@charlie.test");
        assertThat(page.get("items").get(0).get("mailbox").asText()).isEqualTo("ben@charlie.test");
    }

    @Test
    void aDuplicateCredentialIsRefused() {
        primary(postyard.api().post("/mailgun/v3/domains/alpha.test/credentials")).form(Map.of("login", "dup", "password", "secret1")).send();

        ApiResponse again = primary(postyard.api().post("/mailgun/v3/domains/alpha.test/credentials"))
            .form(Map.of("login", "dup", "password", "secret2")).send();

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).contains("already exist");
    }

    @Test
    void updatingOrDeletingAnUnknownCredentialIs404() {
        assertThat(primary(postyard.api().put("/mailgun/v3/domains/alpha.test/credentials/nobody"))
            .form(Map.of("password", "secret1")).send().status()).isEqualTo(404);
        assertThat(primary(postyard.api().delete("/mailgun/v3/domains/alpha.test/credentials/nobody")).send().status())
            .isEqualTo(404);
    }
}

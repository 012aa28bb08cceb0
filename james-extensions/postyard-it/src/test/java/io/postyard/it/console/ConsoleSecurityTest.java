package io.postyard.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.console.ConsoleSettings;
import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * The console's guards over HTTP: nothing behind the sign-in page without a session, no form post without its CSRF
 * token, the session cookie's flags, sign-out, and the lockout after repeated failures (last: it locks this client out).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSecurityTest {
    private static final String PASSWORD = "console-operator-password-2";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(ConsoleSettings.PASSWORD, PASSWORD)
        .build();

    /** The session cookie of a fresh sign-in, as a {@code Cookie} header value. */
    private static String signIn(String secret) {
        ApiResponse response = postyard.api().post("/console/login").form(Map.of("password", secret)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        String cookie = response.header("Set-Cookie");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String csrfOf(String cookie, String page) {
        Matcher matcher = CSRF.matcher(postyard.api().get(page).header("Cookie", cookie).send().body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    @Order(1)
    void withoutASessionPagesGoToSignInAndJsonIs401() {
        for (String page : List.of("/console", "/console/overview", "/console/domains", "/console/domains/any.test", "/console/keys",
                "/console/suppressions", "/console/suppressions/export.csv", "/console/events", "/console/events/story?message=x",
                "/console/webhooks", "/console/mailboxes", "/console/mailboxes/x/messages/1/html", "/console/queues")) {
            ApiResponse response = postyard.api().get(page).send();
            if (page.equals("/console")) {
                assertThat(response.status()).as(page).isIn(302, 401);
                continue;
            }
            assertThat(response.status()).as(page).isEqualTo(302);
            assertThat(response.header("Location")).as(page).endsWith("/console/login");
        }
        assertThat(postyard.api().get("/console/api/stats").send().status()).isEqualTo(401);
        assertThat(postyard.api().post("/console/domains").form(Map.of("name", "x.test")).send().status()).isEqualTo(302);
        assertThat(postyard.api().get("/console/overview").header("Cookie", "postyard_console=made-up").send().status()).isEqualTo(302);
        assertThat(postyard.api().get("/console/login").send().status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theSessionCookieIsHttpOnlyStrictAndScopedToTheConsole() {
        ApiResponse response = postyard.api().post("/console/login").form(Map.of("password", PASSWORD)).send();

        String cookie = response.header("Set-Cookie");
        assertThat(cookie).startsWith("postyard_console=").contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/console");
        assertThat(response.header("Location")).endsWith("/console/overview");
        ApiResponse page = postyard.api().get("/console/overview").header("Cookie", cookie.substring(0, cookie.indexOf(';'))).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    @Order(3)
    void thePrimaryKeySignsInToItsAccountAndNoOtherKindOfKeyDoes() {
        String cookie = signIn(postyard.primaryKey());

        assertThat(postyard.api().get("/console/keys").header("Cookie", cookie).send().body()).contains("Account default");
        String secret = postyard.createKey("omypost", "emails:read");
        assertThat(postyard.api().post("/console/login").form(Map.of("password", secret)).send().status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void anotherAccountSeesNoneOfTheOperatorsObjectsNorTheQueues() {
        String operator = signIn(PASSWORD);
        postyard.api().post("/console/domains").header("Cookie", operator)
            .form(Map.of("name", "operator-only.test", "csrf", csrfOf(operator, "/console/domains"))).send();
        String otherKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"primary\",\"account\":\"tenant-b\",\"description\":\"other\"}").send().json().get("secret").asText();
        String tenant = signIn(otherKey);

        assertThat(postyard.api().get("/console/domains/operator-only.test").header("Cookie", tenant).send().status()).isEqualTo(404);
        assertThat(postyard.api().get("/console/domains").header("Cookie", tenant).send().body()).doesNotContain("operator-only.test");
        assertThat(postyard.api().get("/console/queues").header("Cookie", tenant).send().status()).isEqualTo(403);
        assertThat(postyard.api().get("/console/queues").header("Cookie", operator).send().status()).isEqualTo(200);
        assertThat(postyard.api().get("/console/mailboxes/not-a-mailbox").header("Cookie", tenant).send().status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theCsvExportQuotesCellsASpreadsheetWouldRunAsFormulas() {
        String cookie = signIn(PASSWORD);
        postyard.api().post("/console/domains").header("Cookie", cookie)
            .form(Map.of("name", "csv.test", "csrf", csrfOf(cookie, "/console/domains"))).send();
        postyard.api().post("/mailgun/v3/csv.test/bounces").basicAuth("api", postyard.primaryKey())
            .form(Map.of("address", "=cmd@far.example", "error", "mailbox full")).send();

        ApiResponse csv = postyard.api().get("/console/suppressions/export.csv?domain=csv.test&type=bounces").header("Cookie", cookie).send();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("csv.test-bounces.csv");
        assertThat(csv.body()).startsWith("address,detail,created_at\r\n").contains("\"'=cmd@far.example\",\"mailbox full\",");
    }

    @Test
    @Order(4)
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        String cookie = signIn(PASSWORD);

        ApiResponse without = postyard.api().post("/console/domains").header("Cookie", cookie).form(Map.of("name", "csrf.test")).send();
        ApiResponse wrong = postyard.api().post("/console/domains").header("Cookie", cookie)
            .form(Map.of("name", "csrf.test", "csrf", "not-the-token")).send();
        ApiResponse with = postyard.api().post("/console/domains").header("Cookie", cookie)
            .form(Map.of("name", "csrf.test", "csrf", csrfOf(cookie, "/console/domains"))).send();

        assertThat(without.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(with.status()).isEqualTo(302);
        assertThat(with.header("Location")).endsWith("/console/domains/csrf.test");
    }

    @Test
    @Order(5)
    void signingOutEndsTheSession() {
        String cookie = signIn(PASSWORD);
        String token = csrfOf(cookie, "/console/overview");

        ApiResponse out = postyard.api().post("/console/logout").header("Cookie", cookie).form(Map.of("csrf", token)).send();

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(postyard.api().get("/console/overview").header("Cookie", cookie).send().status()).isEqualTo(302);
    }

    @Test
    @Order(6)
    void tenWrongPasswordsLockTheAddressOutEvenForTheRightOne() {
        for (int i = 0; i < 10; i++) {
            ApiResponse wrong = postyard.api().post("/console/login").form(Map.of("password", "guess-" + i)).send();
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong password or key");
        }

        ApiResponse locked = postyard.api().post("/console/login").form(Map.of("password", PASSWORD)).send();

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("locked");
        assertThat(locked.header("Set-Cookie")).isNull();
    }
}

package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** Every OMA method: its success, and each error number it can answer, in OMA's envelope. */
class OpenSrsMethodsTest {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "bootstrap-secret-42";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        // OMA behaviour, not domain ownership (TenantIsolationTest): every domain is local at once.
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(OmaSettings.ADMIN_PASSWORD, ADMIN_PASSWORD)
        .build();

    private static OmaClient admin;

    @BeforeAll
    static void provision() {
        admin = OmaClient.withPassword(postyard, ADMIN, ADMIN_PASSWORD);
        admin.ok("change_domain", Map.of("domain", "methods.test"));
        admin.ok("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("password", "Pass-word-1", "aliases", List.of("info@methods.test"))));
    }

    @Test
    void malformedJsonIsHttp400AnUnknownMethodHttp404AndAWrongVerbHttp405InTheEnvelope() {
        ApiResponse malformed = postyard.api().post("/opensrs/api/get_user").raw("application/json", "{\"credentials\":".getBytes()).send();
        ApiResponse notAnObject = postyard.api().post("/opensrs/api/get_user").json("[1,2]").send();
        ApiResponse unknown = admin.send("no_such_method", Map.of());
        ApiResponse wrongVerb = postyard.api().get("/opensrs/api/get_user").send();

        for (ApiResponse response : List.of(malformed, notAnObject)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("success").asBoolean()).isFalse();
            assertThat(response.json().get("error_number").asInt()).isEqualTo(5);
        }
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_number").asInt()).isEqualTo(5);
        assertThat(wrongVerb.status()).isEqualTo(405);
        assertThat(wrongVerb.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void aFailedCallIsStillHttp200() {
        ApiResponse response = admin.send("get_user", Map.of("user", "nobody@methods.test"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error_number").asInt()).isEqualTo(2);
    }

    @Test
    void badCredentialsAreError1AndMissingOnesError5() {
        assertThat(OmaClient.withPassword(postyard, ADMIN, "wrong").error("echo", Map.of())).isEqualTo(1);
        assertThat(OmaClient.withPassword(postyard, "ann@methods.test", "wrong").error("echo", Map.of())).isEqualTo(1);
        assertThat(OmaClient.withPassword(postyard, "ghost@methods.test", "Pass-word-1").error("echo", Map.of())).isEqualTo(1);
        assertThat(OmaClient.withToken(postyard, "ann@methods.test", "not-a-token-at-all").error("echo", Map.of())).isEqualTo(1);
        ApiResponse noCredentials = postyard.api().post("/opensrs/api/echo").json("{\"hello\":1}").send();
        assertThat(noCredentials.status()).isEqualTo(200);
        assertThat(noCredentials.json().get("error_number").asInt()).isEqualTo(5);
        ApiResponse wrongType = postyard.api().post("/opensrs/api/echo").json("{\"credentials\":{\"user\":\"admin\",\"password\":42}}").send();
        assertThat(wrongType.json().get("error_number").asInt()).isEqualTo(5);
    }

    @Test
    void echoReturnsItsInputWithoutTheCredentials() {
        JsonNode answer = admin.ok("echo", Map.of("hello", "world", "n", 3));

        assertThat(answer.get("hello").asText()).isEqualTo("world");
        assertThat(answer.get("n").asInt()).isEqualTo(3);
        assertThat(answer.has("credentials")).isFalse();
    }

    @Test
    void authenticateReturnsASessionTokenThatWorksUntilItExpires() {
        JsonNode session = OmaClient.withPassword(postyard, "ann@methods.test", "Pass-word-1")
            .ok("authenticate", Map.of("session_token_duration", 2));
        String token = session.get("session_token").asText();
        assertThat(session.get("session_token_duration").asInt()).isEqualTo(2);

        OmaClient withToken = OmaClient.withToken(postyard, "ann@methods.test", token);
        assertThat(withToken.ok("get_user", Map.of("user", "ann@methods.test")).get("attributes").get("account").asText())
            .isEqualTo("ann@methods.test");

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
            .until(() -> withToken.call("echo", Map.of()).path("error_number").asInt(-1) == 1);
        assertThat(OmaClient.withPassword(postyard, "ann@methods.test", "Pass-word-1").error("authenticate", Map.of("session_token_duration", 0)))
            .isEqualTo(5);
    }

    @Test
    void generateTokenLogsAUserInAndLogoutUserRevokesIt() {
        JsonNode generated = admin.ok("generate_token", Map.of("user", "ann@methods.test", "reason", "support session", "duration", 1));
        assertThat(generated.get("duration").asInt()).isEqualTo(1);
        OmaClient asAnn = OmaClient.withToken(postyard, "ann@methods.test", generated.get("token").asText());
        asAnn.ok("echo", Map.of());

        admin.ok("logout_user", Map.of("user", "ann@methods.test"));

        assertThat(asAnn.error("echo", Map.of())).isEqualTo(1);
        assertThat(admin.error("generate_token", Map.of("user", "ann@methods.test"))).isEqualTo(5);
        assertThat(admin.error("generate_token", Map.of("user", "ann@methods.test", "reason", "x", "type", "forever"))).isEqualTo(5);
        assertThat(admin.error("generate_token", Map.of("user", "nobody@methods.test", "reason", "x"))).isEqualTo(2);
    }

    @Test
    void aSingleUseTokenWorksOnce() {
        String token = admin.ok("generate_token", Map.of("user", "ann@methods.test", "reason", "sso", "type", "sso")).get("token").asText();
        OmaClient asAnn = OmaClient.withToken(postyard, "ann@methods.test", token);

        asAnn.ok("echo", Map.of());

        assertThat(asAnn.error("echo", Map.of())).isEqualTo(1);
    }

    @Test
    void theCompanyCanBeReadChangedAndFound() {
        admin.ok("change_company", Map.of("attributes", Map.of("name", "Reseller Inc", "timezone", "Europe/Paris")));

        JsonNode company = admin.ok("get_company", Map.of());
        assertThat(company.get("attributes").get("name").asText()).isEqualTo("Reseller Inc");
        assertThat(company.get("attributes").get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(admin.ok("search_companies", Map.of()).get("companies")).extracting(found -> found.get("company").asText())
            .containsExactly("default");
        assertThat(admin.error("change_company", Map.of("attributes", Map.of("timezone", "Mars/Olympus")))).isEqualTo(6);
        assertThat(admin.error("change_company", Map.of("attributes", Map.of("colour", "blue")))).isEqualTo(6);
        assertThat(admin.error("get_company", Map.of("company", "someone-else"))).isEqualTo(4);
        assertThat(admin.error("change_company", Map.of())).isEqualTo(5);
    }

    @Test
    void domainsAreCreatedChangedAndReported() {
        admin.ok("change_domain", Map.of("domain", "Second.Test", "create_only", true,
            "attributes", Map.of("quota", 1_000_000, "language", "fr", "aliases", List.of("second-alias.test"))));

        JsonNode domain = admin.ok("get_domain", Map.of("domain", "second.test"));
        assertThat(domain.get("attributes").get("quota").asLong()).isEqualTo(1_000_000);
        assertThat(domain.get("attributes").get("aliases")).extracting(JsonNode::asText).containsExactly("second-alias.test");
        assertThat(domain.get("settable_attributes")).extracting(JsonNode::asText).contains("aliases", "quota");
        assertThat(admin.error("change_domain", Map.of("domain", "second.test", "create_only", true))).isEqualTo(7);
        assertThat(admin.error("change_domain", Map.of("domain", "third.test", "attributes", Map.of("quota", "lots")))).isEqualTo(6);
        assertThat(admin.error("change_domain", Map.of("domain", "third.test", "attributes", Map.of("aliases", List.of("second-alias.test")))))
            .isEqualTo(7);
        assertThat(admin.error("change_domain", Map.of("domain", "not a domain"))).isEqualTo(5);
        admin.ok("change_domain", Map.of("domain", "second.test", "attributes", Map.of("spamlevel", "High")));
        assertThat(admin.ok("get_domain", Map.of("domain", "second.test")).get("attributes").get("spamlevel").asText()).isEqualTo("High");

        JsonNode missing = admin.call("get_domain", Map.of("domain", "missing.test"));
        assertThat(missing.get("error_number").asInt()).isEqualTo(2);
        assertThat(missing.get("settable_attributes")).isNotEmpty();
        assertThat(missing.get("metadata").get("defaults").get("language").asText()).isEqualTo("en");
    }

    @Test
    void aDomainWithUsersIsDeletedOnlyWhenAskedToCascadeAndCanBeRestored() {
        admin.ok("change_domain", Map.of("domain", "gone.test"));
        admin.ok("change_user", Map.of("user", "gus@gone.test", "attributes", Map.of("password", "Pass-word-1")));

        assertThat(admin.error("delete_domain", Map.of("domain", "gone.test"))).isEqualTo(5);
        admin.ok("delete_domain", Map.of("domain", "gone.test", "cascade", true));

        assertThat(admin.error("get_domain", Map.of("domain", "gone.test"))).isEqualTo(2);
        assertThat(admin.ok("search_domains", Map.of("criteria", Map.of("deleted", true))).get("domains"))
            .extracting(found -> found.get("domain").asText()).contains("gone.test");
        assertThat(admin.error("delete_domain", Map.of("domain", "gone.test"))).isEqualTo(2);

        admin.ok("restore_domain", Map.of("domain", "gone.test", "new_name", "gone.test"));
        admin.ok("get_domain", Map.of("domain", "gone.test"));
        assertThat(admin.error("restore_domain", Map.of("domain", "gone.test"))).isEqualTo(2);
        assertThat(admin.error("restore_domain", Map.of("domain", "never.test"))).isEqualTo(2);
    }

    @Test
    void searchDomainsFiltersPagesAndSorts() {
        for (String name : List.of("page-a.test", "page-b.test", "page-c.test")) {
            admin.ok("change_domain", Map.of("domain", name));
        }
        admin.ok("change_user", Map.of("user", "u@page-c.test", "attributes", Map.of("password", "Pass-word-1")));

        JsonNode page = admin.ok("search_domains", Map.of("criteria", Map.of("match", "page-?.test"),
            "range", Map.of("first", 1, "limit", 1), "sort", Map.of("by", "domain", "direction", "descending")));
        assertThat(page.get("total_count").asInt()).isEqualTo(3);
        assertThat(page.get("count").asInt()).isEqualTo(1);
        assertThat(page.get("domains").get(0).get("domain").asText()).isEqualTo("page-b.test");
        JsonNode byUsers = admin.ok("search_domains", Map.of("criteria", Map.of("match", "page-*"), "sort", Map.of("by", "users", "direction", "descending")));
        assertThat(byUsers.get("domains").get(0).get("domain").asText()).isEqualTo("page-c.test");
        assertThat(byUsers.get("domains").get(0).get("users").asInt()).isEqualTo(1);
        assertThat(admin.error("search_domains", Map.of("range", Map.of("limit", 0)))).isEqualTo(5);
        assertThat(admin.error("search_domains", Map.of("sort", Map.of("by", "colour")))).isEqualTo(5);
    }

    @Test
    void getUserTellsWhatCanBeSetEvenForAUserThatDoesNotExist() {
        JsonNode ann = admin.ok("get_user", Map.of("user", "ann@methods.test"));
        assertThat(ann.get("type").asText()).isEqualTo("mailbox");
        assertThat(ann.get("attributes").get("delivery_mailbox").asBoolean()).isTrue();
        assertThat(ann.get("attributes").has("password")).isFalse();
        assertThat(ann.get("metadata").get("status").asText()).isEqualTo("active");

        JsonNode missing = admin.call("get_user", Map.of("user", "newcomer@methods.test"));
        assertThat(missing.get("success").asBoolean()).isFalse();
        assertThat(missing.get("error_number").asInt()).isEqualTo(2);
        assertThat(missing.get("settable_attributes")).extracting(JsonNode::asText).contains("password", "quota", "aliases", "autoresponder");
        assertThat(missing.get("metadata").get("defaults").get("spamlevel").asText()).isEqualTo("Normal");

        assertThat(admin.error("get_user", Map.of("user", "info@methods.test"))).isEqualTo(3);
        assertThat(admin.error("get_user", Map.of("user", "x@unknown-domain.test"))).isEqualTo(4);
        assertThat(admin.error("get_user", Map.of("user", "not-an-address"))).isEqualTo(5);
        assertThat(admin.error("get_user", Map.of())).isEqualTo(5);
    }

    @Test
    void changeUserChecksEveryAttribute() {
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "create_only", true,
            "attributes", Map.of("password", "Pass-word-2")))).isEqualTo(7);
        assertThat(admin.error("change_user", Map.of("user", "new1@methods.test", "attributes", Map.of("name", "No Password")))).isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "new2@methods.test", "attributes", Map.of("password", "has space")))).isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "new3@methods.test", "attributes", Map.of("password", "x-new3-x")))).isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("quota", -5)))).isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("status", "frozen")))).isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("autoresponder_subject", "a\r\nBcc: x@y.z"))))
            .isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("forward_recipients", List.of("not an address")))))
            .isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("aliases", List.of("x@elsewhere.test")))))
            .isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "bea@methods.test", "attributes",
            Map.of("password", "Pass-word-1", "aliases", List.of("info@methods.test"))))).isEqualTo(7);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("favourite_colour", "blue")))).isEqualTo(6);
        assertThat(admin.error("change_user", Map.of("user", "ann@methods.test", "attributes", "not an object"))).isEqualTo(5);
        assertThat(admin.error("change_user", Map.of("user", "zed@nowhere.test", "attributes", Map.of("password", "Pass-word-1")))).isEqualTo(4);

        admin.ok("change_user", Map.of("user", "ann@methods.test", "attributes", Map.of("language", "de", "delivery_autoresponder", true,
            "autoresponder", "Away until Monday", "autoresponder_subject", "Out of office")));
        JsonNode ann = admin.ok("get_user", Map.of("user", "ann@methods.test")).get("attributes");
        assertThat(ann.get("language").asText()).isEqualTo("de");
        assertThat(ann.get("autoresponder").asText()).isEqualTo("Away until Monday");
    }

    @Test
    void searchUsersTakesCriteriaRangeSortAndFields() {
        admin.ok("change_domain", Map.of("domain", "people.test"));
        for (String name : List.of("amy", "ben", "cat", "dan")) {
            admin.ok("change_user", Map.of("user", name + "@people.test", "attributes", Map.of("password", "Pass-word-1")));
        }
        admin.ok("change_user", Map.of("user", "dan@people.test", "attributes", Map.of("status", "suspended")));

        JsonNode page = admin.ok("search_users", Map.of("criteria", Map.of("domain", "people.test"),
            "range", Map.of("first", 0, "limit", 2), "sort", Map.of("by", "user", "direction", "descending"), "fields", List.of("status", "createtime")));
        assertThat(page.get("total_count").asInt()).isEqualTo(4);
        assertThat(page.get("users")).extracting(user -> user.get("user").asText()).containsExactly("dan@people.test", "cat@people.test");
        assertThat(page.get("users").get(0).get("status").asText()).isEqualTo("suspended");
        assertThat(page.get("users").get(0).get("createtime").asLong()).isPositive();
        JsonNode suspended = admin.ok("search_users", Map.of("criteria", Map.of("domain", "people.test", "status", List.of("suspended"))));
        assertThat(suspended.get("users")).extracting(user -> user.get("user").asText()).containsExactly("dan@people.test");
        JsonNode matched = admin.ok("search_users", Map.of("criteria", Map.of("domain", "people.test", "match", "?a*")));
        assertThat(matched.get("users")).extracting(user -> user.get("user").asText()).containsExactly("cat@people.test", "dan@people.test");
        assertThat(admin.error("search_users", Map.of())).isEqualTo(5);
        assertThat(admin.error("search_users", Map.of("criteria", Map.of("domain", "people.test"), "fields", List.of("password")))).isEqualTo(5);
        assertThat(admin.error("search_users", Map.of("criteria", Map.of("domain", "people.test", "status", List.of("happy"))))).isEqualTo(5);
    }

    @Test
    void deleteRestoreAndRenameReportMissingAndTakenNames() {
        admin.ok("change_user", Map.of("user", "ren@methods.test", "attributes", Map.of("password", "Pass-word-1")));

        assertThat(admin.error("rename_user", Map.of("user", "ren@methods.test", "new_name", "ann@methods.test"))).isEqualTo(7);
        assertThat(admin.error("rename_user", Map.of("user", "ren@methods.test", "new_name", "ren@other.test"))).isEqualTo(6);
        assertThat(admin.error("rename_user", Map.of("user", "nobody@methods.test", "new_name", "x@methods.test"))).isEqualTo(2);
        assertThat(admin.error("delete_user", Map.of("user", "nobody@methods.test"))).isEqualTo(2);
        assertThat(admin.error("restore_user", Map.of("user", "ren@methods.test"))).isEqualTo(2);
        admin.ok("delete_user", Map.of("user", "ren@methods.test"));
        assertThat(admin.error("delete_user", Map.of("user", "ren@methods.test"))).isEqualTo(2);
        assertThat(admin.error("change_user", Map.of("user", "ren@methods.test", "attributes", Map.of("name", "back")))).isEqualTo(7);
        admin.ok("restore_user", Map.of("user", "ren@methods.test", "new_name", "renata@methods.test"));
        assertThat(admin.ok("get_user", Map.of("user", "renata@methods.test")).get("metadata").get("status").asText()).isEqualTo("active");
    }

    @Test
    void mailboxMethodsReportMissingUsersAndFolders() {
        assertThat(admin.error("get_user_folders", Map.of("user", "nobody@methods.test"))).isEqualTo(2);
        assertThat(admin.error("get_user_messages", Map.of("user", "ann@methods.test", "folder", "NoSuchFolder"))).isEqualTo(2);
        assertThat(admin.error("get_user_messages", Map.of("user", "ann@methods.test", "limit", 0))).isEqualTo(5);
        assertThat(admin.ok("get_user_messages", Map.of("user", "ann@methods.test")).get("messages")).isEmpty();
        assertThat(admin.error("move_user_messages", Map.of("user", "ann@methods.test", "ids", List.of(1)))).isEqualTo(5);
        assertThat(admin.error("move_user_messages", Map.of("user", "ann@methods.test", "ids", List.of(1), "new_folder", "Nowhere"))).isEqualTo(2);
        assertThat(admin.error("move_user_messages", Map.of("user", "ann@methods.test", "ids", "1", "new_folder", "INBOX"))).isEqualTo(5);
    }

    @Test
    void referenceDataAndStatsSummary() {
        assertThat(admin.ok("get_valid_languages", Map.of()).get("languages")).extracting(JsonNode::asText).contains("en", "fr");
        assertThat(admin.ok("get_valid_timezones", Map.of()).get("timezones")).extracting(JsonNode::asText).contains("Europe/Paris");
        admin.ok("change_domain", Map.of("domain", "stats.test"));
        admin.ok("change_user", Map.of("user", "s1@stats.test", "attributes", Map.of("password", "Pass-word-1")));
        admin.ok("change_user", Map.of("user", "s2@stats.test", "attributes", Map.of("password", "Pass-word-1", "status", "suspended")));

        JsonNode summary = admin.ok("stats_summary", Map.of("domain", "stats.test")).get("summary");

        assertThat(summary.get("users").get("active").asInt()).isEqualTo(1);
        assertThat(summary.get("users").get("suspended").asInt()).isEqualTo(1);
        assertThat(summary.get("users").get("total").asInt()).isEqualTo(2);
        assertThat(summary.get("domains").get("active").asInt()).isEqualTo(1);
        assertThat(summary.get("storage").get("bytes_used").asLong()).isZero();
        assertThat(admin.ok("stats_summary", Map.of()).get("summary").get("domains").get("active").asInt()).isGreaterThanOrEqualTo(2);
    }
}

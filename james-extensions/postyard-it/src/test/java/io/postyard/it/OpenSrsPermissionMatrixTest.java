package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.PostyardExtension;

/**
 * Company administrator, domain administrator (of alpha.test) and mailbox user (usr@alpha.test), each against methods
 * on their own objects and on others'. Rows that change something name per-caller objects ({@code %s} is the caller).
 */
class OpenSrsPermissionMatrixTest {
    private static final int OK = 0;
    private static final int DENIED = 4;
    private static final List<String> CALLERS = List.of("user", "domainadmin", "companyadmin");

    record Row(String method, Function<String, Map<String, Object>> fields, int companyAdmin, int domainAdmin, int user) {
        int expectedFor(String caller) {
            return switch (caller) {
                case "companyadmin" -> companyAdmin;
                case "domainadmin" -> domainAdmin;
                default -> user;
            };
        }
    }

    private static Row row(String method, Function<String, Map<String, Object>> fields, int companyAdmin, int domainAdmin, int user) {
        return new Row(method, fields, companyAdmin, domainAdmin, user);
    }

    //                 method                 fields (per caller c)                                                           company  domain  user
    private static final List<Row> MATRIX = List.of(
        row("get_company",        c -> Map.of(),                                                                              OK,      DENIED, DENIED),
        row("change_company",     c -> Map.of("attributes", Map.of("name", "Co")),                                            OK,      DENIED, DENIED),
        row("change_domain",      c -> Map.of("domain", c + ".new.test"),                                                     OK,      DENIED, DENIED),
        row("get_domain",         c -> Map.of("domain", "alpha.test"),                                                        OK,      OK,     DENIED),
        row("get_domain",         c -> Map.of("domain", "beta.test"),                                                         OK,      DENIED, DENIED),
        row("change_domain",      c -> Map.of("domain", "alpha.test", "attributes", Map.of("spamlevel", "High")),             OK,      OK,     DENIED),
        row("change_domain",      c -> Map.of("domain", "beta.test", "attributes", Map.of("spamlevel", "High")),              OK,      DENIED, DENIED),
        row("delete_domain",      c -> Map.of("domain", c + ".empty.test"),                                                   OK,      DENIED, DENIED),
        row("restore_domain",     c -> Map.of("domain", "restorable.test"),                                                   OK,      DENIED, DENIED),
        row("get_user",           c -> Map.of("user", "usr@alpha.test"),                                                      OK,      OK,     OK),
        row("get_user",           c -> Map.of("user", "peer@alpha.test"),                                                     OK,      OK,     DENIED),
        row("get_user",           c -> Map.of("user", "far@beta.test"),                                                       OK,      DENIED, DENIED),
        row("change_user",        c -> Map.of("user", "usr@alpha.test", "attributes", Map.of("name", "Me")),                  OK,      OK,     OK),
        row("change_user",        c -> Map.of("user", "usr@alpha.test", "attributes", Map.of("quota", 5_000_000)),            OK,      OK,     DENIED),
        row("change_user",        c -> Map.of("user", "usr@alpha.test", "attributes", Map.of("status", "active")),            OK,      OK,     DENIED),
        row("change_user",        c -> Map.of("user", "far@beta.test", "attributes", Map.of("name", "Far")),                  OK,      DENIED, DENIED),
        row("change_user",        c -> Map.of("user", "new-" + c + "@alpha.test", "attributes", Map.of("password", "Pass-word-1")), OK, OK,   DENIED),
        row("change_user",        c -> Map.of("user", "new-" + c + "@beta.test", "attributes", Map.of("password", "Pass-word-1")),  OK, DENIED, DENIED),
        row("delete_user",        c -> Map.of("user", "victim-" + c + "@alpha.test"),                                         OK,      OK,     DENIED),
        row("delete_user",        c -> Map.of("user", "victim-" + c + "@beta.test"),                                          OK,      DENIED, DENIED),
        row("restore_user",       c -> Map.of("user", "deleted-" + c + "@alpha.test"),                                        OK,      OK,     DENIED),
        row("rename_user",        c -> Map.of("user", "mover-" + c + "@alpha.test", "new_name", "moved-" + c + "@alpha.test"), OK,     OK,     DENIED),
        row("search_users",       c -> Map.of("criteria", Map.of("domain", "alpha.test")),                                    OK,      OK,     DENIED),
        row("search_users",       c -> Map.of("criteria", Map.of("domain", "beta.test")),                                     OK,      DENIED, DENIED),
        row("get_user_folders",   c -> Map.of("user", "usr@alpha.test"),                                                      OK,      OK,     OK),
        row("get_user_folders",   c -> Map.of("user", "far@beta.test"),                                                       OK,      DENIED, DENIED),
        row("get_user_messages",  c -> Map.of("user", "peer@alpha.test"),                                                     OK,      OK,     DENIED),
        row("move_user_messages", c -> Map.of("user", "far@beta.test", "ids", List.of(1), "new_folder", "INBOX"),             2,       DENIED, DENIED),
        row("generate_token",     c -> Map.of("user", "peer@alpha.test", "reason", "support"),                                OK,      OK,     DENIED),
        row("generate_token",     c -> Map.of("reason", "my own"),                                                            OK,      OK,     OK),
        row("logout_user",        c -> Map.of("user", "far@beta.test"),                                                       OK,      DENIED, DENIED),
        row("set_role",           c -> Map.of("user", "peer@alpha.test", "role", ""),                                         OK,      DENIED, DENIED),
        row("stats_summary",      c -> Map.of(),                                                                              OK,      OK,     DENIED),
        row("get_valid_languages", c -> Map.of(),                                                                             OK,      OK,     OK),
        row("echo",               c -> Map.of(),                                                                              OK,      OK,     OK));

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(OmaSettings.ADMIN_PASSWORD, "matrix-admin-secret")
        .build();

    private static OmaClient companyAdmin;
    private static Map<String, OmaClient> callers;

    @BeforeAll
    static void provision() {
        companyAdmin = OmaClient.withPassword(postyard, "admin", "matrix-admin-secret");
        for (String domain : List.of("alpha.test", "beta.test", "restorable.test")) {
            companyAdmin.ok("change_domain", Map.of("domain", domain));
        }
        for (String user : List.of("dom@alpha.test", "usr@alpha.test", "peer@alpha.test", "far@beta.test")) {
            companyAdmin.ok("change_user", Map.of("user", user, "attributes", Map.of("password", "Pass-word-1")));
        }
        for (String caller : CALLERS) {
            companyAdmin.ok("change_domain", Map.of("domain", caller + ".empty.test"));
            for (String prefix : List.of("victim-", "deleted-", "mover-")) {
                companyAdmin.ok("change_user", Map.of("user", prefix + caller + "@alpha.test", "attributes", Map.of("password", "Pass-word-1")));
            }
            companyAdmin.ok("change_user", Map.of("user", "victim-" + caller + "@beta.test", "attributes", Map.of("password", "Pass-word-1")));
            companyAdmin.ok("delete_user", Map.of("user", "deleted-" + caller + "@alpha.test"));
        }
        companyAdmin.ok("delete_domain", Map.of("domain", "restorable.test"));
        companyAdmin.ok("set_role", Map.of("user", "dom@alpha.test", "role", "domain", "objects", List.of("alpha.test")));
        callers = Map.of(
            "companyadmin", companyAdmin,
            "domainadmin", OmaClient.withPassword(postyard, "dom@alpha.test", "Pass-word-1"),
            "user", OmaClient.withPassword(postyard, "usr@alpha.test", "Pass-word-1"));
    }

    @Test
    void everyCallerReachesExactlyWhatItsRoleAllows() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : MATRIX) {
            for (String caller : CALLERS) {
                JsonNode answer = callers.get(caller).call(row.method(), row.fields().apply(caller));
                int actual = answer.get("success").asBoolean() ? OK : answer.get("error_number").asInt();
                if (actual != row.expectedFor(caller)) {
                    mismatches.add(row.method() + " " + row.fields().apply(caller) + " as " + caller + ": expected "
                        + row.expectedFor(caller) + ", got " + answer);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void searchDomainsListsOnlyWhatTheCallerAdministers() {
        assertThat(names(callers.get("companyadmin").ok("search_domains", Map.of()))).contains("alpha.test", "beta.test");
        assertThat(names(callers.get("domainadmin").ok("search_domains", Map.of()))).containsExactly("alpha.test");
        assertThat(names(callers.get("user").ok("search_domains", Map.of()))).isEmpty();
    }

    @Test
    void aUserCannotDeleteOrRenameItself() {
        assertThat(callers.get("user").error("delete_user", Map.of("user", "usr@alpha.test"))).isEqualTo(4);
        assertThat(callers.get("user").error("rename_user", Map.of("user", "usr@alpha.test", "new_name", "me@alpha.test"))).isEqualTo(4);
        callers.get("user").ok("get_user", Map.of("user", "usr@alpha.test"));
    }

    @Test
    void aDomainAdministratorCannotGrantRoles() {
        assertThat(callers.get("domainadmin").error("set_role", Map.of("user", "usr@alpha.test", "role", "company"))).isEqualTo(4);
        assertThat(companyAdmin.error("set_role", Map.of("user", "usr@alpha.test", "role", "emperor"))).isEqualTo(5);
        assertThat(companyAdmin.error("set_role", Map.of("user", "usr@alpha.test", "role", "domain"))).isEqualTo(5);
    }

    private static List<String> names(JsonNode search) {
        List<String> names = new ArrayList<>();
        search.get("domains").forEach(domain -> names.add(domain.get("domain").asText()));
        return names;
    }
}

package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * Accounts on one server cannot take each other's mail: registering a domain, an OMA alias domain or an alias in
 * another domain does not divert mail until ownership is proved; shared provider domains and role addresses stay the
 * operator's. The operator trusts the names below; nothing else is trusted.
 */
class TenantIsolationTest {
    private static final String A_DOMAIN = "a.tenants.test";
    private static final String B_DOMAIN = "b.tenants.test";
    private static final String CORP = "corp.tenants.test";
    private static final String OTHER = "other.tenants.test";
    private static final String OPERATOR_POSTMASTER = "ops@operator.example";
    private static final String MAIL_HOST = "mx.tenants.test";
    private static final String OMA_PASSWORD = "tenants-oma-admin-pw-1";
    private static final String USER_PASSWORD = "Tenant-pass-1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern TOKEN_RECORD = Pattern.compile("(postyard-verification=[0-9a-f]+)");

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .withTestDns()
        .setting(Setting.TRUSTED_DOMAINS, String.join(",", A_DOMAIN, B_DOMAIN, CORP, OTHER))
        .setting(OmaSettings.ADMIN_PASSWORD, OMA_PASSWORD)
        .setting(Setting.POSTMASTER, OPERATOR_POSTMASTER)
        .setting(Setting.DOMAIN_RECHECK_INTERVAL, "500ms")
        .setting(Setting.HOSTNAME, MAIL_HOST)
        .build();

    private static String keyOfB;
    private static OmaClient companyAdmin;
    private static OmaClient domainAdmin;

    @BeforeAll
    static void twoAccountsAndAnOmaCompany() {
        keyOfB = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"primary\",\"account\":\"account-b\"}").send()
            .json().get("secret").asText();
        assertThat(mailgun("POST", "/mailgun/v3/domains", postyard.primaryKey()).form(Map.of("name", A_DOMAIN)).send().status())
            .isEqualTo(200);
        assertThat(mailgun("POST", "/mailgun/v3/domains", keyOfB).form(Map.of("name", B_DOMAIN)).send().status()).isEqualTo(200);

        companyAdmin = OmaClient.withPassword(postyard, "admin", OMA_PASSWORD);
        companyAdmin.ok("change_domain", Map.of("domain", CORP));
        companyAdmin.ok("change_domain", Map.of("domain", OTHER));
        for (String user : List.of("ann@" + CORP, "dom@" + CORP, "ceo@" + OTHER)) {
            companyAdmin.ok("change_user", Map.of("user", user, "attributes", Map.of("password", USER_PASSWORD)));
        }
        companyAdmin.ok("set_role", Map.of("user", "dom@" + CORP, "role", "domain", "objects", List.of(CORP)));
        domainAdmin = OmaClient.withPassword(postyard, "dom@" + CORP, USER_PASSWORD);
    }

    @Test
    void aDomainAnotherAccountRegistersCapturesNoMailUntilItProvesOwnership() throws Exception {
        assertThat(mailgun("POST", "/mailgun/v3/domains", keyOfB).form(Map.of("name", "bigmail.example")).send().status()).isEqualTo(200);
        assertThat(mailgun("POST", "/mailgun/v3/domains/bigmail.example/credentials", keyOfB)
            .form(Map.of("login", "joe", "password", USER_PASSWORD)).send().status()).isEqualTo(200);

        sendFromA("joe@bigmail.example", "before the proof");
        assertThat(awaitAtSink("before the proof").getAllRecipients()[0].toString()).isEqualTo("joe@bigmail.example");
        assertThat(inboxCount("joe@bigmail.example")).isZero();

        JsonNode domain = mailgun("GET", "/mailgun/v3/domains/bigmail.example", keyOfB).send().json();
        JsonNode ownership = recordOfType(domain.get("receiving_dns_records"), "TXT");
        assertThat(ownership.get("valid").asBoolean()).isFalse();
        postyard.dns().addTxt("bigmail.example", ownership.get("value").asText());
        JsonNode verified = mailgun("PUT", "/mailgun/v3/domains/bigmail.example/verify", keyOfB).send().json();
        assertThat(recordOfType(verified.get("receiving_dns_records"), "TXT").get("valid").asBoolean()).isTrue();

        sendFromA("joe@bigmail.example", "after the proof");
        awaitInbox("joe@bigmail.example", 1);
        assertThat(atSink("after the proof")).isEmpty();
    }

    @Test
    void oneAccountsOwnershipTokenProvesNothingForAnother() {
        assertThat(mailgun("POST", "/mailgun/v3/domains", keyOfB).form(Map.of("name", "contested.example")).send().status()).isEqualTo(200);
        String tokenOfB = recordOfType(mailgun("GET", "/mailgun/v3/domains/contested.example", keyOfB).send().json()
            .get("receiving_dns_records"), "TXT").get("value").asText();
        assertThat(mailgun("DELETE", "/mailgun/v3/domains/contested.example", keyOfB).send().status()).isEqualTo(200);
        postyard.dns().addTxt("contested.example", tokenOfB);

        assertThat(mailgun("POST", "/mailgun/v3/domains", postyard.primaryKey()).form(Map.of("name", "contested.example")).send().status())
            .isEqualTo(200);
        JsonNode verified = mailgun("PUT", "/mailgun/v3/domains/contested.example/verify", postyard.primaryKey()).send().json();
        assertThat(recordOfType(verified.get("receiving_dns_records"), "TXT").get("valid").asBoolean()).isFalse();
        assertThat(recordOfType(verified.get("receiving_dns_records"), "TXT").get("value").asText()).isNotEqualTo(tokenOfB);
    }

    @Test
    void aNameIsOneAccountsAndAnotherAccountCannotAdoptIt() {
        assertThat(mailgun("POST", "/mailgun/v3/domains", keyOfB).form(Map.of("name", A_DOMAIN)).send().status()).isEqualTo(400);
        assertThat(mailgun("POST", "/mailgun/v3/domains", keyOfB).form(Map.of("name", CORP)).send().status()).isEqualTo(400);
        assertThat(mailgun("POST", "/mailgun/v3/domains", keyOfB).form(Map.of("name", "omypost.localhost")).send().status())
            .isEqualTo(400);
    }

    @Test
    void anOmaAliasDomainNeedsTheCompanyAndAProofBeforeItTakesMail() throws Exception {
        Map<String, Object> alias = Map.of("domain", CORP, "attributes", Map.of("aliases", List.of("intercept.example")));
        assertThat(domainAdmin.error("change_domain", alias)).isEqualTo(4);
        JsonNode refused = companyAdmin.call("change_domain", alias);
        assertThat(refused.get("error_number").asInt()).isEqualTo(4);

        sendFromB("ann@intercept.example", "alias not proved");
        awaitAtSink("alias not proved");
        assertThat(inboxCount("ann@" + CORP)).isZero();

        Matcher token = TOKEN_RECORD.matcher(refused.get("error").asText());
        assertThat(token.find()).as(refused.toString()).isTrue();
        postyard.dns().addTxt("intercept.example", token.group(1));
        companyAdmin.ok("change_domain", alias);

        sendFromB("ann@intercept.example", "alias proved");
        awaitInbox("ann@" + CORP, 1);
        assertThat(atSink("alias proved")).isEmpty();
    }

    @Test
    void anOmaDomainReceivesHereOnceItsMxPointsHere() throws Exception {
        companyAdmin.ok("change_domain", Map.of("domain", "newcorp.example"));
        companyAdmin.ok("change_user", Map.of("user", "zoe@newcorp.example", "attributes", Map.of("password", USER_PASSWORD)));

        sendFromB("zoe@newcorp.example", "before the mx");
        awaitAtSink("before the mx");
        assertThat(inboxCount("zoe@newcorp.example")).isZero();

        postyard.dns().addMx("newcorp.example", 10, MAIL_HOST);
        Awaitility.await().atMost(WAIT).until(() -> recordOfType(mailgun("GET", "/mailgun/v3/domains/newcorp.example", postyard.primaryKey())
            .send().json().get("receiving_dns_records"), "MX").get("valid").asBoolean());

        sendFromB("zoe@newcorp.example", "after the mx");
        awaitInbox("zoe@newcorp.example", 1);
        assertThat(atSink("after the mx")).isEmpty();
    }

    @Test
    void aDomainAdministratorCannotAliasAnAddressOfAnotherDomain() {
        assertThat(domainAdmin.error("change_user", Map.of("user", "dom@" + CORP,
            "attributes", Map.of("aliases", List.of("boss@" + OTHER))))).isEqualTo(4);
        assertThat(domainAdmin.ok("get_user", Map.of("user", "dom@" + CORP)).get("attributes").get("aliases")).isEmpty();

        companyAdmin.ok("change_user", Map.of("user", "dom@" + CORP, "attributes", Map.of("aliases", List.of("boss@" + OTHER))));
        assertThat(companyAdmin.ok("get_user", Map.of("user", "dom@" + CORP)).get("attributes").get("aliases").get(0).asText())
            .isEqualTo("boss@" + OTHER);
        companyAdmin.ok("change_user", Map.of("user", "dom@" + CORP, "attributes", Map.of("aliases", List.of())));
    }

    @Test
    void theSharedProviderDomainsStayTheOperators() throws Exception {
        assertThat(companyAdmin.error("change_domain", Map.of("domain", "omypost.localhost"))).isEqualTo(7);
        assertThat(companyAdmin.error("change_domain", Map.of("domain", "tempmail.localhost"))).isEqualTo(7);
        assertThat(companyAdmin.call("delete_domain", Map.of("domain", "omypost.localhost")).get("success").asBoolean()).isFalse();
        assertThat(mailgun("DELETE", "/mailgun/v3/domains/omypost.localhost", postyard.primaryKey()).send().status()).isEqualTo(403);
        assertThat(mailgun("PATCH", "/mailgun/v3/omypost.localhost/disable", postyard.primaryKey()).send().status()).isEqualTo(403);

        String omypostKey = postyard.createKey("omypost", "emails:write", "messages:read");
        JsonNode email = postyard.api().post("/omypost/v1/emails").bearer(omypostKey).json("{\"prefix\":\"still_served\"}").send().json();
        deliver(email.get("email").asText(), "still served");
        Awaitility.await().atMost(WAIT).until(() -> postyard.api().get("/omypost/v1/emails/" + email.get("id").asText() + "/messages")
            .bearer(omypostKey).send().json().path("data").size() == 1);
    }

    @Test
    void roleAddressesCannotBeClaimedThroughAnyProvider() {
        String tempmail = postyard.createKey("tempmail");
        for (String domain : List.of("tempmail.localhost", "premium.tempmail.localhost", A_DOMAIN)) {
            for (String role : List.of("postmaster", "abuse", "hostmaster", "webmaster", "admin", "administrator", "root",
                "security", "mailer-daemon", "noreply", "no-reply", "Postmaster")) {
                ApiResponse claimed = postyard.api().post("/tempmail/v1/emails").header("X-API-Key", tempmail)
                    .json("{\"email\":\"" + role + "@" + domain + "\"}").send();
                assertThat(claimed.status()).as(role + "@" + domain + ": " + claimed.body()).isEqualTo(400);
                assertThat(claimed.json().get("error").get("code").asText()).isEqualTo("validation_error");
            }
        }
        String omypost = postyard.createKey("omypost", "emails:write");
        ApiResponse omypostAbuse = postyard.api().post("/omypost/v1/emails").bearer(omypost).json("{\"prefix\":\"abuse\"}").send();
        assertThat(omypostAbuse.status()).isEqualTo(400);
        assertThat(omypostAbuse.json().get("error").get("code").asText()).isEqualTo("invalid_parameter");
        String openmail = postyard.createKey("openmail");
        assertThat(postyard.api().post("/openmail/v1/inboxes").bearer(openmail).json("{\"username\":\"mailer-daemon\"}").send().status())
            .isEqualTo(409);
        assertThat(companyAdmin.error("change_user", Map.of("user", "postmaster@" + CORP,
            "attributes", Map.of("password", USER_PASSWORD)))).isEqualTo(6);
        assertThat(companyAdmin.error("change_user", Map.of("user", "ann@" + CORP,
            "attributes", Map.of("aliases", List.of("abuse@" + CORP))))).isEqualTo(6);
    }

    @Test
    void mailToPostmasterOfALocalDomainReachesTheOperator() throws Exception {
        deliver("postmaster@" + CORP, "for the postmaster");
        MimeMessage arrived = awaitAtSink("for the postmaster");
        assertThat(arrived.getSubject()).isEqualTo("for the postmaster");
    }

    private static void sendFromA(String to, String subject) {
        assertThat(mailgun("POST", "/mailgun/v3/" + A_DOMAIN + "/messages", postyard.primaryKey())
            .form(Map.of("from", "news@" + A_DOMAIN, "to", to, "subject", subject, "text", "hello")).send().status()).isEqualTo(200);
    }

    private static void sendFromB(String to, String subject) {
        assertThat(mailgun("POST", "/mailgun/v3/" + B_DOMAIN + "/messages", keyOfB)
            .form(Map.of("from", "news@" + B_DOMAIN, "to", to, "subject", subject, "text", "hello")).send().status()).isEqualTo(200);
    }

    private static void deliver(String to, String subject) throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.example")) {
            smtp.sendMessageWithHeaders("someone@outside.example", to,
                "From: someone@outside.example\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\nbody\r\n");
        }
    }

    private static io.postyard.testing.HttpApi.Call mailgun(String method, String path, String key) {
        return postyard.api().call(method, path).basicAuth("api", key);
    }

    private static JsonNode recordOfType(JsonNode records, String type) {
        for (JsonNode record : records) {
            if (record.get("record_type").asText().equals(type)) {
                return record;
            }
        }
        throw new AssertionError("No " + type + " record in " + records);
    }

    private static MimeMessage awaitAtSink(String subject) {
        return Awaitility.await().atMost(WAIT).until(() -> atSink(subject), found -> !found.isEmpty()).get(0);
    }

    private static List<MimeMessage> atSink(String subject) {
        return postyard.sink().messages().stream().filter(message -> {
            try {
                return subject.equals(message.getSubject());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static long inboxCount(String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            return imap.connect(LOCALHOST, postyard.imapPort()).login(user, USER_PASSWORD).getMessageCount(TestIMAPClient.INBOX);
        }
    }

    private static void awaitInbox(String user, long count) {
        Awaitility.await().atMost(WAIT).until(() -> inboxCount(user) >= count);
    }
}

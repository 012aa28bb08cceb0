package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.server.PostyardProbe;
import io.postyard.tempmail.TempMailSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/**
 * Every route the public port serves, against every kind of caller. Account A owns the objects named in the paths
 * (a domain, temporary addresses, inboxes, messages, attachments, templates...); the callers are A's own keys of each
 * kind, keys that must not get in, and account B's keys. The expected outcomes are the table below; a served route
 * that no row of the table covers fails the test, so a new route has to be placed in it.
 *
 * <p>Outcomes: {@code 401} and {@code 403} are those statuses; {@code hid} is 403 or 404 with nothing of A's in the
 * body beyond what the request named; {@code own} is a 2xx with nothing of A's beyond the caller's reach (B sees its
 * own, empty, lists; a sending key sees its own domain); {@code ok} is anything
 * but 401, 403 or a 5xx (the request may still be refused as invalid: the bodies here are empty); {@code -} does not
 * apply to that provider. The key without permission is an OmyPost key that may only read webhooks.
 */
class AuthorizationMatrixTest {
    enum Caller {
        NO_KEY, WRONG_KEY, REVOKED_KEY, OTHER_PROVIDERS_KEY, OWNER, SENDING_KEY, OTHER_DOMAINS_SENDING_KEY, WITHOUT_PERMISSION,
        OTHER_ACCOUNT
    }

    private static final String TABLE = """
        # method  route (regex)                                                    no-key wrong revoked other-provider owner sending-key other-domain-key no-permission other-account
        POST      /mailgun/v3/:domain/messages(\\.mime)?                            401    401   401     401            ok    ok          403              -             hid
        GET       /mailgun/v3/:domain/(events|events/:page|stats/total)             401    401   401     401            ok    ok          403              -             hid
        GET       /mailgun/v[34]/domains/:domain                                    401    401   401     401            ok    ok          403              -             hid
        ANY       /mailgun/v3/:domain/(bounces|complaints|unsubscribes|whitelists|templates).*   401 401 401 401         ok    403         403              -             hid
        GET       /mailgun/v3/:domain/(tags|tags/:tag|tag|tags/:tag/stats|tag/stats|tags/:tag/stats/aggregates/:kind|tag/stats/aggregates)   401 401 401 401   ok    ok          403              -             hid
        ANY       /mailgun/v3/:domain/(tags/:tag|tag)                               401    401   401     401            ok    403         403              -             hid
        GET       /mailgun/v3/routes                                                401    401   401     401            ok    403         403              -             own
        POST      /mailgun/v3/routes                                                401    401   401     401            ok    403         403              -             ok
        GET       /mailgun/v3/routes/match                                          401    401   401     401            ok    403         403              -             ok
        ANY       /mailgun/v3/routes/:id                                            401    401   401     401            ok    403         403              -             hid
        ANY       /mailgun/v3/domains/:domain/messages/:key(/attachments/:index)?  401    401   401     401            ok    ok          403              -             hid
        GET       /mailgun/v3/lists(/pages)?                                        401    401   401     401            ok    403         403              -             own
        POST      /mailgun/v3/lists                                                 401    401   401     401            ok    403         403              -             ok
        ANY       /mailgun/v3/lists/:list(/members(/pages|\\.json|/:member)?)?     401    401   401     401            ok    403         403              -             hid
        ANY       /console(/.*)?                                                    login  login login   login          login -           -                -             login
        GET       /mailgun/v1/keys                                                  401    401   401     401            ok    403         403              -             own
        POST      /mailgun/v1/keys                                                  401    401   401     401            ok    403         403              -             ok
        DELETE    /mailgun/v1/keys/:id                                              401    401   401     401            ok    403         403              -             hid
        GET       /mailgun/v3/stats/total                                           401    401   401     401            ok    403         403              -             ok
        ANY       /mailgun/v1/analytics/.*                                          401    401   401     401            ok    403         403              -             ok
        ANY       /mailgun/v3/:domain/(disable|envelopes)                           401    401   401     401            ok    403         403              -             hid
        ANY       /mailgun/v[34]/domains/:domain(/.*)?                              401    401   401     401            ok    403         403              -             hid
        GET       /mailgun/v[34]/domains                                            401    401   401     401            ok    own         own              -             own
        POST      /mailgun/v[34]/domains                                            401    401   401     401            ok    403         403              -             ok
        ANY       /mailgun/v5/accounts/http_signing_key                             401    401   401     401            ok    403         403              -             ok
        ANY       /mailgun/v[34]/address/.*                                         401    401   401     401            ok    ok          ok               -             ok
        GET       /omypost/v1/emails                                                401    401   401     401            ok    -           -                403           own
        GET       /omypost/v1/webhooks                                              401    401   401     401            ok    -           -                ok            own
        POST      /omypost/v1/(emails|webhooks)                                     401    401   401     401            ok    -           -                403           ok
        DELETE    /omypost/v1/webhooks                                              401    401   401     401            ok    -           -                403           ok
        GET       /omypost/v1/webhooks/:id                                          401    401   401     401            ok    -           -                ok            hid
        DELETE    /omypost/v1/webhooks/:id                                          401    401   401     401            ok    -           -                403           hid
        PATCH     /omypost/v1/webhooks/:id                                          401    401   401     401            ok    -           -                403           hid
        ANY       /omypost/v1/emails/:id.*                                          401    401   401     401            ok    -           -                403           hid
        GET       /tempmail/v1/(domains|rate_limit)                                 401    401   401     401            ok    -           -                -             own
        POST      /tempmail/v1/emails                                               401    401   401     401            ok    -           -                -             ok
        ANY       /tempmail/v1/(emails|messages|attachments)/.*                     401    401   401     401            ok    -           -                -             hid
        ANY       /tempmail/v1/domains/:name                                        401    401   401     401            ok    -           -                -             hid
        GET       /openmail/v1/inboxes                                              401    401   401     401            ok    -           -                -             own
        POST      /openmail/v1/inboxes                                              401    401   401     401            ok    -           -                -             ok
        ANY       /openmail/v1/(webhook|webhook/.*)                                 401    401   401     401            ok    -           -                -             ok
        ANY       /openmail/v1/(inboxes|threads|attachments)/.*                     401    401   401     401            ok    -           -                -             hid
        """;

    /** Served without a key, as documented: the tracking pixel and links, the unsubscribe page, health and readiness. */
    private static final Pattern PUBLIC = Pattern.compile("(GET|POST) (/t/[cou]/:token|/healthz|/readyz|/console/login|/console/assets/:file)");
    /** Provisioning with credentials in the body; its roles have their own matrix in OpenSrsPermissionMatrixTest. */
    private static final String OMA = "POST /opensrs/api/:method";
    private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z_]+)");

    private static final String DOMAIN = "a.matrix.test";
    private static final String SIBLING_DOMAIN = "sibling.matrix.test";
    private static final String OMA_PASSWORD = "matrix-oma-admin-pw-1";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(OmaSettings.ADMIN_PASSWORD, OMA_PASSWORD)
        .setting(Setting.HTTP_RATE_LIMIT_PER_MINUTE, "100000000")
        .setting(TempMailSettings.RATE_LIMIT, "100000000")
        .withSmtpSink()
        .build();

    record Rule(String method, Pattern route, Map<Caller, String> outcomes) {
        boolean covers(String method, String route) {
            return (this.method.equals("ANY") || this.method.equals(method)) && this.route.matcher(route).matches();
        }
    }

    record Keys(Map<String, Map<Caller, Optional<String>>> byProvider) {
        Optional<String> of(String provider, Caller caller) {
            return byProvider.get(provider).get(caller);
        }
    }

    private static Keys keys;
    private static Map<String, String> params;
    private static List<String> secretsOfA;

    @BeforeAll
    static void provisionAccountsKeysAndObjects() {
        String primary = postyard.primaryKey();
        for (String domain : List.of(DOMAIN, SIBLING_DOMAIN)) {
            assertThat(mailgun("POST", "/mailgun/v3/domains", primary).form(Map.of("name", domain)).send().status()).isEqualTo(200);
        }
        String omypost = postyard.createKey("omypost", "emails:read", "emails:write", "messages:read", "messages:write", "messages:send",
            "webhooks:read", "webhooks:write");
        String tempmail = postyard.createKey("tempmail");
        String openmail = postyard.createKey("openmail");
        keys = new Keys(Map.of(
            "mailgun", callers(primary, "primary", Optional.of(key("{\"kind\":\"domain_sending\",\"domain\":\"" + DOMAIN + "\"}")),
                Optional.of(key("{\"kind\":\"domain_sending\",\"domain\":\"" + SIBLING_DOMAIN + "\"}")), Optional.empty(), tempmail),
            "omypost", callers(omypost, "omypost", Optional.empty(), Optional.empty(),
                Optional.of(key("{\"kind\":\"omypost\",\"permissions\":[\"webhooks:read\"]}")), primary),
            "tempmail", callers(tempmail, "tempmail", Optional.empty(), Optional.empty(), Optional.empty(), openmail),
            "openmail", callers(openmail, "openmail", Optional.empty(), Optional.empty(), Optional.empty(), omypost),
            // The console takes no key at all: every caller here is one without a session.
            "console", callers(primary, "primary", Optional.empty(), Optional.empty(), Optional.empty(), omypost)));
        params = objectsOfAccountA(primary, omypost, tempmail, openmail);
        secretsOfA = params.values().stream().filter(value -> value.length() > 6).toList();
    }

    private static Map<Caller, Optional<String>> callers(String owner, String kind, Optional<String> sending, Optional<String> otherDomain,
                                                         Optional<String> withoutPermission, String otherProvider) {
        String revoked = revokedKey(kind);
        Map<Caller, Optional<String>> callers = new EnumMap<>(Caller.class);
        callers.put(Caller.NO_KEY, Optional.empty());
        callers.put(Caller.WRONG_KEY, Optional.of("key-" + "0".repeat(32)));
        callers.put(Caller.REVOKED_KEY, Optional.of(revoked));
        callers.put(Caller.OTHER_PROVIDERS_KEY, Optional.of(otherProvider));
        callers.put(Caller.OWNER, Optional.of(owner));
        callers.put(Caller.SENDING_KEY, sending);
        callers.put(Caller.OTHER_DOMAINS_SENDING_KEY, otherDomain);
        callers.put(Caller.WITHOUT_PERMISSION, withoutPermission);
        callers.put(Caller.OTHER_ACCOUNT, Optional.of(key(keyRequest(kind, "account-b"))));
        return callers;
    }

    private static String keyRequest(String kind, String account) {
        String permissions = kind.equals("omypost")
            ? ",\"permissions\":[\"emails:read\",\"emails:write\",\"messages:read\",\"messages:write\",\"messages:send\","
                + "\"webhooks:read\",\"webhooks:write\"]"
            : "";
        return "{\"kind\":\"" + kind + "\",\"account\":\"" + account + "\"" + permissions + "}";
    }

    private static String key(String request) {
        ApiResponse created = postyard.webAdmin().post("/postyard/keys").json(request).send();
        assertThat(created.status()).as(request + " -> " + created.body()).isEqualTo(201);
        return created.json().get("secret").asText();
    }

    private static String revokedKey(String kind) {
        JsonNode created = postyard.webAdmin().post("/postyard/keys").json(keyRequest(kind, "default")).send().json();
        assertThat(postyard.webAdmin().delete("/postyard/keys/" + created.get("id").asText()).send().status()).isEqualTo(204);
        return created.get("secret").asText();
    }

    /** Objects of account A for every path parameter: one mail with an attachment reaches each provider's address. */
    private static Map<String, String> objectsOfAccountA(String primary, String omypost, String tempmail, String openmail) {
        mailgun("POST", "/mailgun/v3/" + DOMAIN + "/bounces", primary).form(Map.of("address", "gone@far.test")).send();
        mailgun("POST", "/mailgun/v3/" + DOMAIN + "/templates", primary)
            .form(Map.of("name", "matrix-template", "template", "<p>hi</p>", "tag", "v1")).send();
        mailgun("POST", "/mailgun/v3/domains/" + DOMAIN + "/credentials", primary)
            .form(Map.of("login", "ivy", "password", "ivy-matrix-password-1")).send();
        mailgun("POST", "/mailgun/v3/domains/" + DOMAIN + "/webhooks", primary)
            .form(Map.of("id", "delivered", "url", "https://hooks.example/matrix")).send();
        String routeId = mailgun("POST", "/mailgun/v3/routes", primary)
            .form(Map.of("expression", "match_recipient(\".*@" + DOMAIN + "\")", "action", "stop()")).send().json()
            .get("route").get("id").asText();

        JsonNode omypostEmail = postyard.api().post("/omypost/v1/emails").bearer(omypost).json("{\"prefix\":\"matrix\",\"type\":\"permanent\"}").send().json();
        String omypostWebhook = postyard.api().post("/omypost/v1/webhooks").bearer(omypost)
            .json("{\"url\":\"https://93.184.216.34/omypost\"}").send().json().get("id").asText();
        String tempAddress = postyard.api().post("/tempmail/v1/emails").header("X-API-Key", tempmail).send().json().get("email").asText();
        JsonNode inbox = postyard.api().post("/openmail/v1/inboxes").bearer(openmail).json("{}").send().json();

        String omypostAddress = omypostEmail.get("email").asText();
        deliver(List.of(omypostAddress, tempAddress, inbox.get("address").asText(), "routed@" + DOMAIN));

        String omypostId = omypostEmail.get("id").asText();
        JsonNode omypostMessage = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            postyard.api().get("/omypost/v1/emails/" + omypostId + "/messages").bearer(omypost).send().json().path("data").path(0),
            node -> !node.isMissingNode());
        String omypostMessageId = omypostMessage.get("id").asText();
        JsonNode omypostFull = postyard.api().get("/omypost/v1/emails/" + omypostId + "/messages/" + omypostMessageId).bearer(omypost).send().json();

        JsonNode tempMessage = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            postyard.api().get("/tempmail/v1/emails/" + tempAddress + "/messages").header("X-API-Key", tempmail).send().json()
                .path("messages").path(0), node -> !node.isMissingNode());
        JsonNode openmailMessage = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            postyard.api().get("/openmail/v1/inboxes/" + inbox.get("id").asText() + "/messages").bearer(openmail).send().json()
                .path("data").path(0), node -> !node.isMissingNode());

        String list = "matrix-list@" + DOMAIN;
        mailgun("POST", "/mailgun/v3/lists", primary).form(Map.of("address", list)).send();
        mailgun("POST", "/mailgun/v3/lists/" + list + "/members", primary).form(Map.of("address", "member@far.test")).send();
        String storageKey = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            mailgun("GET", "/mailgun/v3/" + DOMAIN + "/events?event=stored", primary).send().json()
                .path("items").path(0).path("storage").path("key").asText(), key -> !key.isEmpty());

        return Map.ofEntries(
            Map.entry("mailgun:domain", DOMAIN),
            Map.entry("mailgun:key", storageKey),
            Map.entry("console:domain", DOMAIN),
            Map.entry("console:id", "key-of-a"),
            Map.entry("console:uid", "1"),
            Map.entry("console:index", "0"),
            Map.entry("console:queue", "spool"),
            Map.entry("console:name", "mail-of-a"),
            Map.entry("mailgun:list", list),
            Map.entry("mailgun:member", "member@far.test"),
            Map.entry("mailgun:index", "0"),
            Map.entry("mailgun:address", "gone@far.test"),
            Map.entry("mailgun:name", "matrix-template"),
            Map.entry("mailgun:webhook", "delivered"),
            Map.entry("mailgun:login", "ivy"),
            Map.entry("mailgun:tag", "v1"),
            Map.entry("mailgun:page", "not-a-page"),
            Map.entry("mailgun:kind", "countries"),
            Map.entry("mailgun:id", routeId),
            Map.entry("omypost:id", omypostId),
            Map.entry("omypost:webhook", omypostWebhook),
            Map.entry("omypost:message", omypostMessageId),
            Map.entry("omypost:attachment", omypostFull.path("attachments").path(0).path("id").asText()),
            Map.entry("tempmail:email", tempAddress),
            Map.entry("tempmail:name", DOMAIN),
            Map.entry("tempmail:id", tempMessage.get("id").asText()),
            Map.entry("tempmail:attachment", tempMessage.path("attachments").path(0).path("id").asText()),
            Map.entry("openmail:id", inbox.get("id").asText()),
            Map.entry("openmail:thread", openmailMessage.get("threadId").asText()),
            Map.entry("openmail:message", openmailMessage.get("id").asText()),
            Map.entry("openmail:filename", openmailMessage.path("attachments").path(0).path("filename").asText()),
            Map.entry("address:omypost", omypostAddress));
    }

    private static void deliver(List<String> recipients) {
        String mime = "From: sender@outside.test\r\nSubject: matrix\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
            + "--b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\nsecret notes\r\n--b1--\r\n";
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            for (String recipient : recipients) {
                smtp.sendMessageWithHeaders("sender@outside.test", recipient, "To: " + recipient + "\r\n" + mime);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyServedRouteAnswersEveryCallerAsTheTableSays() {
        List<Rule> rules = rules();
        List<String> routes = postyard.server().getProbe(PostyardProbe.class).publicRoutes();
        List<String> unplaced = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Runnable> ownerCalls = new ArrayList<>();
        int checked = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            if (PUBLIC.matcher(route).matches() || route.equals(OMA)) {
                continue;
            }
            Optional<Rule> rule = rules.stream().filter(candidate -> candidate.covers(method, pattern)).findFirst();
            if (rule.isEmpty()) {
                unplaced.add(route);
                continue;
            }
            String provider = pattern.split("/")[1];
            String path = fill(provider, pattern);
            for (Map.Entry<Caller, String> expected : rule.get().outcomes().entrySet()) {
                Optional<String> key = keys.of(provider, expected.getKey());
                if (expected.getValue().equals("-") || (key.isEmpty() && expected.getKey() != Caller.NO_KEY)) {
                    continue;
                }
                checked++;
                Runnable call = () -> {
                    ApiResponse response = send(provider, method, path, key);
                    if (!matches(expected.getValue(), response, reachOf(expected.getKey(), path))) {
                        failures.add(String.format("%-7s %-70s %-26s expected %-3s got %d %s", method, path, expected.getKey(),
                            expected.getValue(), response.status(), abbreviate(response.body())));
                    }
                };
                if (expected.getKey() == Caller.OWNER) {
                    ownerCalls.add(call);
                } else {
                    call.run();
                }
            }
        }
        // The owner's calls come last, so that its deletions cannot turn another caller's refusal into a 404.
        ownerCalls.forEach(Runnable::run);

        System.out.printf("Authorization matrix: %d routes, %d checks, %d unplaced, %d failures%n", routes.size(), checked, unplaced.size(),
            failures.size());
        assertThat(unplaced).as("routes the table does not place").isEmpty();
        assertThat(failures).as("answers that differ from the table").isEmpty();
    }

    @Test
    void publicRoutesNeedNoKeyAndAnswerAnUnknownTokenWithoutAnError() {
        for (String path : List.of("/t/o/not-a-token", "/t/c/not-a-token", "/t/u/not-a-token", "/healthz")) {
            ApiResponse response = postyard.api().get(path).send();
            assertThat(response.status()).as(path).isNotIn(401, 403).isLessThan(500);
        }
    }

    @Test
    void omaRefusesBadCredentialsARevokedTokenAndAMailboxUserActingOnAnother() {
        OmaClient admin = OmaClient.withPassword(postyard, "admin", OMA_PASSWORD);
        admin.ok("change_domain", Map.of("domain", "oma.matrix.test"));
        admin.ok("change_user", Map.of("user", "alice@oma.matrix.test", "attributes", Map.of("password", "Secret-A-123")));
        admin.ok("change_user", Map.of("user", "bob@oma.matrix.test", "attributes", Map.of("password", "Secret-B-456")));
        String token = admin.ok("generate_token", Map.of("user", "alice@oma.matrix.test", "reason", "matrix")).get("token").asText();
        admin.ok("logout_user", Map.of("user", "alice@oma.matrix.test"));
        Map<String, Object> onBob = Map.of("user", "bob@oma.matrix.test");

        ApiResponse withoutCredentials = postyard.api().post("/opensrs/api/get_user").json("{\"user\":\"bob@oma.matrix.test\"}").send();
        assertThat(withoutCredentials.status()).isEqualTo(200);
        assertThat(withoutCredentials.json().path("success").asBoolean(true)).isFalse();
        assertThat(withoutCredentials.json().path("error_number").asInt()).isIn(1, 5);
        assertThat(OmaClient.withPassword(postyard, "admin", "not-the-password").error("get_user", onBob)).isEqualTo(1);
        assertThat(OmaClient.withPassword(postyard, "bob@oma.matrix.test", "not-the-password").error("get_user", onBob)).isEqualTo(1);
        assertThat(OmaClient.withToken(postyard, "alice@oma.matrix.test", token).error("get_user", Map.of("user", "alice@oma.matrix.test")))
            .isEqualTo(1);
        assertThat(OmaClient.withPassword(postyard, "alice@oma.matrix.test", "Secret-A-123").error("get_user", onBob)).isEqualTo(4);
        assertThat(OmaClient.withPassword(postyard, "alice@oma.matrix.test", "Secret-A-123")
            .error("change_user", Map.of("user", "bob@oma.matrix.test", "attributes", Map.of("password", "Taken-Over-1")))).isEqualTo(4);
    }

    /** What of A's a caller may see: what its request names, and for a sending key its own domain. */
    private static List<String> reachOf(Caller caller, String path) {
        List<String> reach = new ArrayList<>(secretsOfA.stream().filter(path::contains).toList());
        if (caller == Caller.SENDING_KEY) {
            reach.add(DOMAIN);
        }
        return reach;
    }

    private static boolean matches(String expected, ApiResponse response, List<String> reach) {
        int status = response.status();
        boolean revealsA = secretsOfA.stream().filter(secret -> !reach.contains(secret)).anyMatch(response.body()::contains);
        return switch (expected) {
            case "401" -> status == 401;
            case "403" -> status == 403;
            case "hid" -> (status == 403 || status == 404) && !revealsA;
            case "own" -> status >= 200 && status < 300 && !revealsA;
            case "ok" -> status != 401 && status != 403 && status < 500;
            // The console's pages send whoever has no session to sign in; its JSON answers 401.
            case "login" -> status == 401 || status == 302 && Optional.ofNullable(response.header("Location")).orElse("").endsWith("/console/login");
            default -> throw new IllegalArgumentException("Unknown outcome " + expected);
        };
    }

    private static ApiResponse send(String provider, String method, String path, Optional<String> key) {
        HttpApi.Call call = postyard.api().call(method, path);
        key.ifPresent(secret -> {
            switch (provider) {
                case "mailgun" -> call.basicAuth("api", secret);
                case "tempmail" -> call.header("X-API-Key", secret);
                default -> call.bearer(secret);
            }
        });
        if (!method.equals("GET") && !method.equals("DELETE")) {
            call.raw("application/x-www-form-urlencoded", new byte[0]);
        }
        return call.send();
    }

    private static String fill(String provider, String pattern) {
        Matcher matcher = PATH_PARAM.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(param(provider, pattern, matcher.group(1))));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** The same parameter name means different objects on different paths: a webhook's id is not an address's. */
    private static String param(String provider, String pattern, String name) {
        String key = provider + ":" + name;
        if (pattern.contains("/webhooks/:") && (name.equals("name") || name.equals("id"))) {
            key = provider + ":webhook";
        } else if (provider.equals("openmail") && pattern.startsWith("/openmail/v1/threads/")) {
            key = "openmail:thread";
        } else if (provider.equals("tempmail") && pattern.startsWith("/tempmail/v1/attachments/")) {
            key = "tempmail:attachment";
        }
        String value = params.get(key);
        assertThat(value).as("an object of account A for " + key + " in " + pattern).isNotBlank();
        return value;
    }

    private static List<Rule> rules() {
        return Arrays.stream(TABLE.split("\n"))
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> {
                String[] cells = line.split("\\s+");
                Map<Caller, String> outcomes = new EnumMap<>(Caller.class);
                for (Caller caller : Caller.values()) {
                    outcomes.put(caller, cells[2 + caller.ordinal()]);
                }
                return new Rule(cells[0], Pattern.compile(cells[1]), outcomes);
            })
            .collect(Collectors.toList());
    }

    private static HttpApi.Call mailgun(String method, String path, String key) {
        return postyard.api().call(method, path).basicAuth("api", key);
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }
}

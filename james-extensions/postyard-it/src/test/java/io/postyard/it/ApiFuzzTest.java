package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.opensrs.OmaSettings;
import io.postyard.server.PostyardProbe;
import io.postyard.tempmail.TempMailSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/**
 * A generated corpus of bad requests against every route the public port serves (read from the server itself, so a
 * new route is fuzzed without being listed here), with valid credentials of two accounts in turn: malformed and
 * mistyped JSON and form bodies, duplicated fields, invalid UTF-8, control characters and CRLF in header-bound fields,
 * path traversal in ids, huge paging values, 10 MB strings. Account A has real objects (a domain, a template, a login,
 * a webhook, mailboxes of every provider); every fourth request names them in its path, so that it reaches the
 * business logic behind the checks, for A's keys and for B's. Every answer must be a 4xx (or a 2xx for what is in
 * fact valid; OMA answers a well-formed call 200 with {@code success: false}) whose body is in the provider's own
 * error format: never a 5xx, a stack trace, another format or a hang; and the server must keep serving. The seed is
 * fixed, so a failure replays.
 */
class ApiFuzzTest {
    private static final long SEED = 20261202L;
    private static final int REQUESTS_PER_ROUTE = 26;
    private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z_]+)");
    private static final String OMA_PASSWORD = "fuzz-admin-password-1";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(OmaSettings.ADMIN_PASSWORD, OMA_PASSWORD)
        .setting(Setting.HTTP_RATE_LIMIT_PER_MINUTE, "100000000")
        .setting(TempMailSettings.RATE_LIMIT, "100000000")
        .setting(Setting.HTTP_MAX_BODY_BYTES, String.valueOf(12 * 1024 * 1024))
        .withSmtpSink()
        .build();

    private static final List<String> OMYPOST_PERMISSIONS = List.of("emails:read", "emails:write", "messages:read", "messages:write",
        "messages:send", "webhooks:read", "webhooks:write");

    /** Each account's key per provider: A's are {@code [0]}, B's {@code [1]}. */
    private static Map<String, List<String>> keys;
    /** Path parameters naming A's objects, by name. */
    private static Map<String, String> objectsOfA;

    @BeforeAll
    static void provisionTwoAccountsAndObjectsOfA() {
        keys = Map.of(
            "mailgun", List.of(postyard.primaryKey(), key("primary", "fuzz-b")),
            "omypost", List.of(postyard.createKey("omypost", OMYPOST_PERMISSIONS.toArray(String[]::new)), key("omypost", "fuzz-b")),
            "tempmail", List.of(postyard.createKey("tempmail"), key("tempmail", "fuzz-b")),
            "openmail", List.of(postyard.createKey("openmail"), key("openmail", "fuzz-b")));
        String a = postyard.primaryKey();
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", a).form(Map.of("name", "fuzz.test")).send();
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", keys.get("mailgun").get(1)).form(Map.of("name", "fuzz-b.test")).send();
        postyard.api().post("/mailgun/v3/fuzz.test/templates").basicAuth("api", a)
            .form(Map.of("name", "fuzz-template", "template", "<p>{{name}}</p>", "tag", "v1")).send();
        postyard.api().post("/mailgun/v3/domains/fuzz.test/credentials").basicAuth("api", a)
            .form(Map.of("login", "fuzzer", "password", "fuzzer-password-1")).send();
        postyard.api().post("/mailgun/v3/domains/fuzz.test/webhooks").basicAuth("api", a)
            .form(Map.of("id", "delivered", "url", "https://hooks.example/fuzz")).send();
        postyard.api().post("/mailgun/v3/fuzz.test/bounces").basicAuth("api", a).form(Map.of("address", "gone@far.test")).send();
        String email = postyard.api().post("/omypost/v1/emails").bearer(keys.get("omypost").get(0)).json("{\"prefix\":\"fuzzed\"}").send()
            .json().get("id").asText();
        String webhook = postyard.api().post("/omypost/v1/webhooks").bearer(keys.get("omypost").get(0))
            .json("{\"url\":\"https://93.184.216.34/fuzz\"}").send().json().get("id").asText();
        String temporary = postyard.api().post("/tempmail/v1/emails").header("X-API-Key", keys.get("tempmail").get(0)).send()
            .json().get("email").asText();
        String inbox = postyard.api().post("/openmail/v1/inboxes").bearer(keys.get("openmail").get(0)).json("{}").send()
            .json().get("id").asText();
        objectsOfA = Map.of("domain", "fuzz.test", "name", "fuzz-template", "login", "fuzzer", "address", "gone@far.test",
            "tag", "v1", "email", temporary, "omypost:id", email, "omypost:webhook", webhook, "openmail:id", inbox);
    }

    private static String key(String kind, String account) {
        String permissions = kind.equals("omypost") ? ",\"permissions\":[\"" + String.join("\",\"", OMYPOST_PERMISSIONS) + "\"]" : "";
        return postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"" + kind + "\",\"account\":\"" + account + "\"" + permissions + "}")
            .send().json().get("secret").asText();
    }

    @Test
    void noRequestOfTheCorpusGetsA5xxAStackTraceOrAHang() {
        List<String> routes = postyard.server().getProbe(PostyardProbe.class).publicRoutes();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        int sent = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            for (int i = 0; i < REQUESTS_PER_ROUTE; i++) {
                FuzzRequest request = FuzzRequest.generate(random, method, pattern, i, i % 4 == 0 ? objectsOfA : Map.of());
                ApiResponse response;
                try {
                    response = send(request);
                } catch (java.io.UncheckedIOException e) {
                    failures.add(request + " -> no complete answer: " + e.getMessage());
                    continue;
                } finally {
                    sent++;
                }
                covered.add(route);
                if (response.status() >= 500 || response.body().contains("\tat ") || response.body().contains("Exception")
                    || !ErrorShapes.inProviderFormat(request.path(), response)) {
                    failures.add(request + " -> " + response.status() + " " + abbreviate(response.body()));
                }
            }
        }
        sent += sendHugeBodies(random, failures);

        System.out.printf("API fuzz: %d requests over %d distinct routes (of %d served), %d failures%n",
            sent, covered.size(), routes.size(), failures.size());
        assertThat(failures).isEmpty();
        assertThat(routes).hasSizeGreaterThan(100);
        assertThat(postyard.api().get("/healthz").send().status()).isEqualTo(200);
    }

    /** One 10 MB string per provider, in the field that matters most to it. */
    private static int sendHugeBodies(Random random, List<String> failures) {
        String huge = "x".repeat(10 * 1024 * 1024);
        List<FuzzRequest> requests = List.of(
            new FuzzRequest("POST", "/mailgun/v3/fuzz.test/messages", "application/x-www-form-urlencoded",
                ("from=a@fuzz.test&to=b@remote.test&subject=" + huge).getBytes(StandardCharsets.UTF_8)),
            new FuzzRequest("POST", "/omypost/v1/emails", "application/json", ("{\"prefix\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8)),
            new FuzzRequest("POST", "/tempmail/v1/emails", "application/json", ("{\"email\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8)),
            new FuzzRequest("POST", "/openmail/v1/inboxes", "application/json", ("{\"username\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8)),
            new FuzzRequest("POST", "/opensrs/api/get_user", "application/json",
                ("{\"credentials\":{\"user\":\"admin\",\"password\":\"" + OMA_PASSWORD + "\"},\"user\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8)));
        for (FuzzRequest request : requests) {
            ApiResponse response;
            try {
                response = send(request);
            } catch (java.io.UncheckedIOException e) {
                failures.add(request.method() + " " + request.path() + " with 10 MB -> " + e.getMessage());
                continue;
            }
            boolean omaRefusal = request.path().startsWith("/opensrs/") && response.status() == 200
                && response.json().path("success").isBoolean() && !response.json().get("success").asBoolean();
            if (response.status() >= 500 || (response.status() < 400 && !omaRefusal)) {
                failures.add(request.method() + " " + request.path() + " with 10 MB -> " + response.status() + " " + abbreviate(response.body()));
            }
        }
        return requests.size();
    }

    /** Alternately with account A's and account B's key of the provider. */
    private static ApiResponse send(FuzzRequest request) {
        HttpApi.Call call = postyard.api().call(request.method(), request.path());
        int account = Math.floorMod(request.path().hashCode(), 2);
        if (request.path().startsWith("/mailgun/")) {
            call.basicAuth("api", keys.get("mailgun").get(account));
        } else if (request.path().startsWith("/omypost/")) {
            call.bearer(keys.get("omypost").get(account));
        } else if (request.path().startsWith("/tempmail/")) {
            call.header("X-API-Key", keys.get("tempmail").get(account));
        } else if (request.path().startsWith("/openmail/")) {
            call.bearer(keys.get("openmail").get(account));
        }
        if (request.contentType() != null) {
            call.raw(request.contentType(), request.body());
        }
        return call.send();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    record FuzzRequest(String method, String path, String contentType, byte[] body) {
        private static final List<String> PATH_VALUES = List.of("fuzz.test", "../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc", "%00", "%0d%0aX-Injected:%201",
            "99999999999999999999999", "-1", "0", "%F0%9F%92%A9", "%C3%28", "a%20b", "msg_../../x", "inb_%00", "thr_'--", "x".repeat(2000),
            "admin@fuzz.test", "%FF%FE", "null", "undefined", "%25");
        private static final List<String> QUERY = List.of("", "?limit=99999999999999999999", "?limit=-5&page=-1", "?page=%00",
            "?limit=abc&skip=1e309", "?begin=not-a-date&end=%0d%0a", "?event=%FF&recipient=%00", "?limit=300&page=next&address=..%2f",
            "?offset=-1&limit=0", "?direction=sideways&externalId=" + "y".repeat(5000));
        private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zz", "text/plain", "application/json; charset=ISO-8859-1", "application/xml");

        /** {@code objects}: real values for path parameters, by name or by provider and name; others are fuzzed. */
        static FuzzRequest generate(Random random, String method, String pattern, int index, Map<String, String> objects) {
            String provider = pattern.split("/")[1];
            Matcher matcher = PATH_PARAM.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String fuzzed = PATH_VALUES.get(random.nextInt(PATH_VALUES.size()));
                String value = objects.getOrDefault(provider + ":" + matcher.group(1), objects.getOrDefault(matcher.group(1), fuzzed));
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            String query = QUERY.get(random.nextInt(QUERY.size()));
            if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") || method.equals("OPTIONS")) {
                return new FuzzRequest(method, path + query, null, new byte[0]);
            }
            String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            return new FuzzRequest(method, path + query, contentType, body(random, index, pattern.startsWith("/opensrs")));
        }

        private static byte[] body(Random random, int index, boolean oma) {
            String credentials = "\"credentials\":{\"user\":\"admin\",\"password\":\"" + OMA_PASSWORD + "\"}";
            String value = Fuzz.value(random);
            String string = Fuzz.jsonString(random);
            return switch (index % 12) {
                case 0 -> "{".getBytes(StandardCharsets.UTF_8);
                case 1 -> ("{" + (oma ? credentials + "," : "") + "\"to\":" + value + ",\"subject\":" + value + ",\"email\":" + value
                    + ",\"domain\":" + value + ",\"attributes\":" + value + ",\"user\":" + value + "}").getBytes(StandardCharsets.UTF_8);
                case 2 -> ("[" + value + "]").getBytes(StandardCharsets.UTF_8);
                case 3 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
                case 4 -> ("to=a%40b&to=c&to=&subject=Hi%0d%0aBcc:%20x@y.z&from=%0d%0a&h:X-Evil=a%0d%0aX-Injected:%201&"
                    + "o:deliverytime=tomorrow&v:x=%FF&limit=1e309").getBytes(StandardCharsets.UTF_8);
                case 5 -> ("{" + (oma ? credentials + "," : "") + "\"subject\":\"Hi\\r\\nBcc: x@y.z\",\"to\":\"a@b.c\\r\\nX: y\","
                    + "\"from\":\"\\u0000\",\"username\":\"../../etc\",\"prefix\":\"\\u202e\",\"url\":\"http://127.0.0.1:1/\\r\\n\","
                    + "\"html\":\"<script>\",\"threadId\":\"thr_\\u0000\"}").getBytes(StandardCharsets.UTF_8);
                case 6 -> ("{" + (oma ? credentials + "," : "") + "\"limit\":99999999999999999999999,\"page\":-1,\"range\":{\"first\":-5,"
                    + "\"limit\":1e309},\"ids\":[1,\"x\",null,{}],\"create_only\":\"yes\",\"events\":\"all\"}").getBytes(StandardCharsets.UTF_8);
                case 7 -> ("{\"a\":1,\"a\":2,\"to\":\"x@y.z\",\"to\":[1,2]," + (oma ? credentials + "," + credentials + "," : "")
                    + "\"credentials\":7}").getBytes(StandardCharsets.UTF_8);
                case 8 -> ("--zz\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n" + string + "\r\n--zz\r\n"
                    + "Content-Disposition: form-data; name=\"attachment\"; filename=\"../../etc/passwd\"\r\n\r\nxx\r\n--zz")
                    .getBytes(StandardCharsets.UTF_8);
                case 9 -> ("{" + (oma ? credentials + "," : "") + "\"" + string + "\":" + value + "}").getBytes(StandardCharsets.UTF_8);
                case 10 -> Fuzz.bytes(random, 512);
                default -> ("{" + (oma ? credentials + "," : "") + "\"attributes\":{\"password\":" + value + ",\"quota\":" + value
                    + ",\"aliases\":" + value + ",\"status\":" + value + "},\"domain\":\"fuzz.test\",\"user\":\"u@fuzz.test\"}")
                    .getBytes(StandardCharsets.UTF_8);
            };
        }

        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path) + " [" + contentType + "] " + shown;
        }
    }

    static final class Fuzz {
        private static final List<String> VALUES = List.of("null", "true", "-1", "1e309", "99999999999999999999999", "[]", "{}", "[[[[[[]]]]]]",
            "\"\"", "\"\\u0000\"", "\"a\\r\\nb\"", "\"" + "z".repeat(100_000) + "\"", "\"\\ud800\"", "\"\\u202e\\u200b\"", "{\"$ne\":1}",
            "\"../../../etc/passwd\"", "\"<script>alert(1)</script>\"", "3.14", "\"%s%n%x\"", "[\"a@b.c\",\"\\r\\n\"]");

        static String value(Random random) {
            return VALUES.get(random.nextInt(VALUES.size()));
        }

        static String jsonString(Random random) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0x2FFF);
                if (codePoint == '"' || codePoint == '\\' || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    codePoint = 'q';
                }
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        }

        static byte[] bytes(Random random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        private Fuzz() {
        }
    }

}

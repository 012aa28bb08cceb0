package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.omypost.OmyPostSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/**
 * {@code /omypost/v1/emails} over HTTP: creation, listing, reading, changes, deletion, and every error in OmyPost's
 * shape. The whole class runs on one key, beyond the 60 management requests a minute the document allows it (that
 * limit has a test of its own).
 */
class OmyPostEmailsApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(OmyPostSettings.RATE_MANAGEMENT, "100000")
        .build();

    private static String key;

    @BeforeAll
    static void createKey() {
        key = postyard.createKey("omypost", "emails:read", "emails:write");
    }

    private static HttpApi.Call call(String method, String path) {
        return postyard.api().call(method, "/omypost/v1" + path).bearer(key);
    }

    private static ApiResponse create(String json) {
        return call("POST", "/emails").json(json).send();
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("details").isObject()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aPermanentAccountIsCreatedWithTheDocumentedShape() {
        ApiResponse response = create("{ \"prefix\": \"test\", \"type\": \"permanent\" }");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("id").asText()).matches("em_[0-9a-f]{24}");
        assertThat(body.get("email").asText()).isEqualTo("test@omypost.localhost");
        assertThat(body.get("type").asText()).isEqualTo("permanent");
        assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("password").asText()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(body.has("expiry_date")).isFalse();
    }

    @Test
    void aTemporaryAccountKeepsItsExpiry() {
        Instant expiry = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        ApiResponse response = create("{\"prefix\":\"temp_one\",\"type\":\"temporary\",\"expiry_date\":\"" + expiry + "\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("type").asText()).isEqualTo("temporary");
        assertThat(response.json().get("expiry_date").asText()).isEqualTo(expiry.toString());
    }

    @Test
    void aDateAloneExpiresAtTheEndOfThatDay() {
        ApiResponse response = create("{\"prefix\":\"dated\",\"type\":\"temporary\",\"expiry_date\":\"2099-12-31\"}");

        assertThat(response.json().get("expiry_date").asText()).isEqualTo("2100-01-01T00:00:00Z");
    }

    @Test
    void aPrefixWithInvalidCharactersGetsTheDocumentedError() {
        ApiResponse response = create("{\"prefix\":\"bad-prefix!\",\"type\":\"permanent\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"Email prefix contains invalid characters\","
            + "\"details\":{\"field\":\"prefix\",\"reason\":\"Only letters, numbers, and underscores are allowed\"}}}");
    }

    @Test
    void badParametersAre400NamingTheField() {
        ApiResponse missingPrefix = create("{\"type\":\"permanent\"}");
        ApiResponse numericPrefix = create("{\"prefix\":42}");
        ApiResponse badType = create("{\"prefix\":\"typed\",\"type\":\"forever\"}");
        ApiResponse noExpiry = create("{\"prefix\":\"noexpiry\",\"type\":\"temporary\"}");
        ApiResponse pastExpiry = create("{\"prefix\":\"past\",\"type\":\"temporary\",\"expiry_date\":\"2020-01-01T00:00:00Z\"}");
        ApiResponse badExpiry = create("{\"prefix\":\"garbled\",\"type\":\"temporary\",\"expiry_date\":\"next tuesday\"}");
        ApiResponse permanentExpiry = create("{\"prefix\":\"perm\",\"type\":\"permanent\",\"expiry_date\":\"2099-01-01\"}");
        ApiResponse tooLong = create("{\"prefix\":\"" + "a".repeat(65) + "\"}");
        ApiResponse farExpiry = create("{\"prefix\":\"far\",\"type\":\"temporary\",\"expiry_date\":\"+999999999-12-31T00:00:00Z\"}");

        for (ApiResponse response : new ApiResponse[] {missingPrefix, numericPrefix, badType, noExpiry, pastExpiry, badExpiry, permanentExpiry, tooLong,
            farExpiry}) {
            assertError(response, 400, "invalid_parameter");
            assertThat(response.json().get("error").get("details").get("reason").asText()).isNotBlank();
        }
        assertThat(missingPrefix.json().get("error").get("details").get("field").asText()).isEqualTo("prefix");
        assertThat(badType.json().get("error").get("details").get("field").asText()).isEqualTo("type");
        assertThat(noExpiry.json().get("error").get("details").get("field").asText()).isEqualTo("expiry_date");
        assertThat(pastExpiry.json().get("error").get("details").get("reason").asText()).isEqualTo("Must be in the future");
    }

    @Test
    void malformedBodiesAre400() {
        assertError(call("POST", "/emails").raw("application/json", "{\"prefix\":".getBytes()).send(), 400, "invalid_request");
        assertError(call("POST", "/emails").raw("application/json", "[1,2]".getBytes()).send(), 400, "invalid_request");
        assertError(call("POST", "/emails").raw("application/x-www-form-urlencoded", "prefix=x".getBytes()).send(), 400, "invalid_request");
        assertError(call("POST", "/emails").raw("application/json", new byte[0]).send(), 400, "invalid_request");
    }

    @Test
    void anOversizedBodyIs413InOmyPostsShape() throws Exception {
        io.postyard.testing.RawHttp.Reply reply = io.postyard.testing.RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "POST",
            "/omypost/v1/emails", java.util.Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json",
                "Content-Length", String.valueOf(26L * 1024 * 1024)), "{\"prefix\":\"".getBytes());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("\"code\":\"payload_too_large\"").doesNotContain("Exception");
    }

    @Test
    void aTakenPrefixIs409() {
        create("{\"prefix\":\"taken\"}");

        ApiResponse again = create("{\"prefix\":\"TAKEN\"}");

        assertError(again, 409, "already_exists");
    }

    @Test
    void accountsAreListedByPageAndType() {
        for (int i = 0; i < 5; i++) {
            create("{\"prefix\":\"listed" + i + "\"}");
        }
        create("{\"prefix\":\"listed_temp\",\"type\":\"temporary\",\"expiry_date\":\"2099-01-01\"}");

        JsonNode firstPage = call("GET", "/emails?limit=2&page=1").send().json();
        JsonNode temporary = call("GET", "/emails?type=temporary&limit=100").send().json();

        assertThat(firstPage.get("data")).hasSize(2);
        JsonNode pagination = firstPage.get("pagination");
        assertThat(pagination.get("page").asInt()).isEqualTo(1);
        assertThat(pagination.get("limit").asInt()).isEqualTo(2);
        long total = pagination.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(6);
        assertThat(pagination.get("total_pages").asLong()).isEqualTo((total + 1) / 2);
        assertThat(temporary.get("data")).isNotEmpty().allSatisfy(email -> assertThat(email.get("type").asText()).isEqualTo("temporary"));
        JsonNode beyond = call("GET", "/emails?page=999").send().json();
        assertThat(beyond.get("data")).isEmpty();
        assertError(call("GET", "/emails?limit=101").send(), 400, "invalid_parameter");
        assertError(call("GET", "/emails?page=0").send(), 400, "invalid_parameter");
        assertError(call("GET", "/emails?type=weekly").send(), 400, "invalid_parameter");
    }

    @Test
    void anAccountIsReadThenDeleted() {
        String id = create("{\"prefix\":\"short_lived\"}").json().get("id").asText();

        ApiResponse shown = call("GET", "/emails/" + id).send();
        ApiResponse deleted = call("DELETE", "/emails/" + id).send();

        assertThat(shown.json().get("email").asText()).isEqualTo("short_lived@omypost.localhost");
        assertThat(shown.json().has("password")).isFalse();
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertError(call("GET", "/emails/" + id).send(), 404, "not_found");
        assertError(call("DELETE", "/emails/" + id).send(), 404, "not_found");
        assertThat(create("{\"prefix\":\"short_lived\"}").status()).isEqualTo(201);
    }

    @Test
    void anotherAccountsKeySeesNothing() {
        String id = create("{\"prefix\":\"private_one\"}").json().get("id").asText();
        ApiResponse otherKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"omypost\",\"account\":\"other\",\"permissions\":[\"emails:read\"],\"description\":\"other\"}").send();
        assertThat(otherKey.status()).as(otherKey.toString()).isEqualTo(201);
        String secret = otherKey.json().get("secret").asText();

        ApiResponse read = postyard.api().get("/omypost/v1/emails/" + id).bearer(secret).send();
        ApiResponse list = postyard.api().get("/omypost/v1/emails").bearer(secret).send();

        assertThat(read.status()).isEqualTo(404);
        assertThat(list.json().get("data")).isEmpty();
    }

    @Test
    void requestsWithoutAValidKeyAre401() {
        ApiResponse none = postyard.api().get("/omypost/v1/emails").send();
        ApiResponse wrong = postyard.api().get("/omypost/v1/emails").bearer("not-a-key").send();
        ApiResponse basic = postyard.api().get("/omypost/v1/emails").basicAuth("api", key).send();
        ApiResponse mailgunKey = postyard.api().get("/omypost/v1/emails").bearer(postyard.primaryKey()).send();

        assertError(none, 401, "unauthorized");
        assertError(wrong, 401, "unauthorized");
        assertError(basic, 401, "unauthorized");
        assertError(mailgunKey, 401, "unauthorized");
    }

    @Test
    void anUnknownPathIs404InOmyPostsShape() {
        assertError(call("GET", "/nothing-here").send(), 404, "not_found");
    }

    private static ApiResponse patch(String id, String json) {
        return call("PATCH", "/emails/" + id).json(json).send();
    }

    private static String temporary(String prefix, Instant expiry) {
        ApiResponse created = create("{\"prefix\":\"" + prefix + "\",\"type\":\"temporary\",\"expiry_date\":\"" + expiry + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void aTemporaryAccountsExpiryIsExtendedOrShortenedAndAnsweredAsGetDoes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = temporary("movable", now.plus(3, ChronoUnit.DAYS));

        ApiResponse extended = patch(id, "{\"expiry_date\":\"" + now.plus(10, ChronoUnit.DAYS) + "\"}");

        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(extended.json()).isEqualTo(call("GET", "/emails/" + id).send().json());
        assertThat(extended.json().get("type").asText()).isEqualTo("temporary");
        assertThat(extended.json().get("expiry_date").asText()).isEqualTo(now.plus(10, ChronoUnit.DAYS).toString());
        assertThat(extended.json().get("email").asText()).isEqualTo("movable@omypost.localhost");
        assertThat(extended.json().has("password")).isFalse();
        ApiResponse shortened = patch(id, "{\"type\":\"temporary\",\"expiry_date\":\"" + now.plus(1, ChronoUnit.HOURS) + "\"}");
        assertThat(shortened.json().get("expiry_date").asText()).isEqualTo(now.plus(1, ChronoUnit.HOURS).toString());
        assertThat(call("GET", "/emails?type=temporary&limit=100").send().json().get("data"))
            .anySatisfy(email -> {
                assertThat(email.get("id").asText()).isEqualTo(id);
                assertThat(email.get("expiry_date").asText()).isEqualTo(now.plus(1, ChronoUnit.HOURS).toString());
            });
        assertThat(patch(id, "{}").json()).as("a body naming nothing changes nothing").isEqualTo(shortened.json());
    }

    @Test
    void aPermanentAccountLosesItsExpiryAndATemporaryOneNeedsOne() {
        String id = temporary("switching", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

        ApiResponse permanent = patch(id, "{\"type\":\"permanent\"}");

        assertThat(permanent.status()).as(permanent.toString()).isEqualTo(200);
        assertThat(permanent.json().get("type").asText()).isEqualTo("permanent");
        assertThat(permanent.json().has("expiry_date")).isFalse();
        assertThat(call("GET", "/emails?type=permanent&limit=100").send().json().get("data"))
            .anySatisfy(email -> assertThat(email.get("id").asText()).isEqualTo(id));
        ApiResponse withoutExpiry = patch(id, "{\"type\":\"temporary\"}");
        assertError(withoutExpiry, 400, "invalid_parameter");
        assertThat(withoutExpiry.json().get("error").get("details").get("field").asText()).isEqualTo("expiry_date");
        Instant expiry = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ApiResponse temporary = patch(id, "{\"type\":\"temporary\",\"expiry_date\":\"" + expiry + "\"}");
        assertThat(temporary.json().get("type").asText()).isEqualTo("temporary");
        assertThat(temporary.json().get("expiry_date").asText()).isEqualTo(expiry.toString());
    }

    @Test
    void badChangesAre400NamingTheFieldAndChangeNothing() {
        String temporaryId = temporary("unchanged_temp", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String permanentId = create("{\"prefix\":\"unchanged_perm\"}").json().get("id").asText();
        JsonNode temporaryBefore = call("GET", "/emails/" + temporaryId).send().json();
        JsonNode permanentBefore = call("GET", "/emails/" + permanentId).send().json();

        ApiResponse past = patch(temporaryId, "{\"expiry_date\":\"2020-01-01T00:00:00Z\"}");
        ApiResponse garbled = patch(temporaryId, "{\"expiry_date\":\"next tuesday\"}");
        ApiResponse tooFar = patch(temporaryId, "{\"expiry_date\":\"+999999999-12-31T00:00:00Z\"}");
        ApiResponse badType = patch(temporaryId, "{\"type\":\"forever\"}");
        ApiResponse numericType = patch(temporaryId, "{\"type\":1}");
        ApiResponse permanentWithExpiry = patch(temporaryId, "{\"type\":\"permanent\",\"expiry_date\":\"2099-01-01\"}");
        ApiResponse expiryOnPermanent = patch(permanentId, "{\"expiry_date\":\"2099-01-01\"}");
        ApiResponse newPrefix = patch(permanentId, "{\"prefix\":\"renamed\"}");

        assertThat(past.json().get("error").get("details").get("reason").asText()).isEqualTo("Must be in the future");
        assertThat(expiryOnPermanent.json().get("error").get("details").get("reason").asText()).contains("\"type\": \"temporary\"");
        List<Map.Entry<ApiResponse, String>> fields = List.of(Map.entry(past, "expiry_date"), Map.entry(garbled, "expiry_date"),
            Map.entry(tooFar, "expiry_date"), Map.entry(badType, "type"), Map.entry(numericType, "type"),
            Map.entry(permanentWithExpiry, "expiry_date"), Map.entry(expiryOnPermanent, "expiry_date"), Map.entry(newPrefix, "prefix"));
        for (Map.Entry<ApiResponse, String> refusal : fields) {
            assertError(refusal.getKey(), 400, "invalid_parameter");
            assertThat(refusal.getKey().json().get("error").get("details").get("field").asText()).as(refusal.getKey().toString())
                .isEqualTo(refusal.getValue());
            assertThat(refusal.getKey().json().get("error").get("details").get("reason").asText()).isNotBlank();
        }
        assertError(call("PATCH", "/emails/" + temporaryId).raw("application/json", "[1]".getBytes()).send(), 400, "invalid_request");
        assertError(call("PATCH", "/emails/" + temporaryId).raw("application/json", new byte[0]).send(), 400, "invalid_request");
        assertThat(call("GET", "/emails/" + temporaryId).send().json()).isEqualTo(temporaryBefore);
        assertThat(call("GET", "/emails/" + permanentId).send().json()).isEqualTo(permanentBefore);
    }

    @Test
    void changingAnUnknownOrAnotherAccountsEmailIs404AndWithoutWritePermission403() {
        String id = temporary("guarded", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        JsonNode before = call("GET", "/emails/" + id).send().json();
        String otherAccount = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"omypost\",\"account\":\"other\",\"permissions\":[\"emails:read\",\"emails:write\"],\"description\":\"other\"}")
            .send().json().get("secret").asText();
        String readOnly = postyard.createKey("omypost", "emails:read");
        String change = "{\"type\":\"permanent\"}";

        ApiResponse unknown = patch("em_000000000000000000000000", change);
        ApiResponse others = postyard.api().call("PATCH", "/omypost/v1/emails/" + id).bearer(otherAccount).json(change).send();
        ApiResponse denied = postyard.api().call("PATCH", "/omypost/v1/emails/" + id).bearer(readOnly).json(change).send();

        assertError(unknown, 404, "not_found");
        assertError(others, 404, "not_found");
        assertThat(others.body()).as("as GET answers it").isEqualTo(postyard.api().get("/omypost/v1/emails/" + id).bearer(otherAccount).send().body());
        assertError(denied, 403, "insufficient_permissions");
        assertThat(denied.json().get("error").get("details").get("required_permission").asText()).isEqualTo("emails:write");
        assertThat(call("GET", "/emails/" + id).send().json()).isEqualTo(before);
    }
}

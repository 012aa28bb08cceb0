package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Domain;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * Mailgun's v1 analytics as mailgun.js 14 calls them ({@code logs.list}, {@code metrics.getAccount},
 * {@code metrics.getAccountUsage}, {@code tags}), over a scripted set of events in two domains of the account.
 */
class MailgunAnalyticsApiTest {
    private static final String FIRST = "analytics-a.test";
    private static final String SECOND = "analytics-b.test";
    private static final Instant T1 = Instant.parse("2026-05-04T10:15:00Z");
    private static final Instant T2 = Instant.parse("2026-05-05T08:30:00Z");
    private static final String RANGE = "\"start\":\"Sun, 03 May 2026 00:00:00 -0000\",\"end\":\"Wed, 06 May 2026 00:00:00 GMT\"";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    @BeforeAll
    static void publishScriptedEvents() {
        for (String domain : List.of(FIRST, SECOND)) {
            postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", domain)).send();
        }
        postyard.publish(event(FIRST, EventType.ACCEPTED, T1).tags(List.of("news")).build());
        postyard.publish(event(FIRST, EventType.DELIVERED, T1.plusSeconds(1)).tags(List.of("news")).build());
        postyard.publish(event(FIRST, EventType.OPENED, T1.plusSeconds(60)).tags(List.of("news")).build());
        postyard.publish(event(FIRST, EventType.OPENED, T1.plusSeconds(120)).tags(List.of("news")).build());
        postyard.publish(event(SECOND, EventType.ACCEPTED, T2).build());
        postyard.publish(event(SECOND, EventType.DELIVERED, T2.plusSeconds(1)).build());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> postyard.api().get("/mailgun/v3/stats/total?event=delivered"
                + "&resolution=month&start=" + T1.minusSeconds(86400).getEpochSecond() + "&end=" + T2.plusSeconds(86400).getEpochSecond())
            .basicAuth("api", postyard.primaryKey()).send().json().get("stats").get(0).get("delivered").get("total").asInt() == 2);
    }

    private static PostyardEvent.Builder event(String domain, EventType type, Instant at) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, Domain.of(domain)).timestamp(at).recipient("reader@far.example")
            .messageId("<m-" + domain + "@" + domain + ">");
    }

    private static ApiResponse post(String path, String json) {
        return postyard.api().post("/mailgun" + path).basicAuth("api", postyard.primaryKey()).json(json).send();
    }

    @Test
    void logsListEveryDomainsEventsInTimeOrderPageByPage() {
        String query = "{" + RANGE + ",\"events\":[\"delivered\"],\"pagination\":{\"sort\":\"timestamp:asc\",\"limit\":1}}";

        JsonNode first = post("/v1/analytics/logs", query).json();
        String token = first.get("pagination").get("next").asText();
        JsonNode second = post("/v1/analytics/logs", query.replace("\"limit\":1", "\"limit\":1,\"token\":\"" + token + "\"")).json();
        String next = second.get("pagination").get("next").asText();
        JsonNode third = post("/v1/analytics/logs", query.replace("\"limit\":1", "\"limit\":1,\"token\":\"" + next + "\"")).json();

        assertThat(first.get("items").get(0).get("domain").get("name").asText()).isEqualTo(FIRST);
        assertThat(first.get("items").get(0).get("@timestamp").asText()).isEqualTo("2026-05-04T10:15:01Z");
        assertThat(first.get("items").get(0).get("user-variables").isTextual()).isTrue();
        assertThat(first.get("start").asText()).isEqualTo("Sun, 03 May 2026 00:00:00 +0000");
        assertThat(second.get("items").get(0).get("domain").get("name").asText()).isEqualTo(SECOND);
        assertThat(third.get("items")).isEmpty();
        assertThat(third.get("pagination").has("next")).isFalse();
    }

    @Test
    void logsFilterByDomainAndAnEmptyEndMeansNow() {
        JsonNode body = post("/v1/analytics/logs", "{\"start\":\"Sun, 03 May 2026 00:00:00 -0000\",\"end\":\"\","
            + "\"filter\":{\"AND\":[{\"attribute\":\"domain\",\"comparator\":\"=\",\"values\":[{\"label\":\"" + SECOND
            + "\",\"value\":\"" + SECOND + "\"}]}]}}").json();
        ApiResponse badAttribute = post("/v1/analytics/logs", "{\"filter\":{\"AND\":[{\"attribute\":\"test\",\"comparator\":\"=\","
            + "\"values\":[{\"label\":\"x\",\"value\":\"x\"}]}]}}");

        assertThat(body.get("items")).extracting(item -> item.get("event").asText()).containsExactly("delivered", "accepted");
        assertThat(body.get("items")).allSatisfy(item -> assertThat(item.get("domain").get("name").asText()).isEqualTo(SECOND));
        assertThat(badAttribute.status()).isEqualTo(400);
        assertThat(badAttribute.json().get("message").asText()).contains("'test' is not a valid filter predicate attribute");
    }

    @Test
    void metricsByTimeAreSparseAndCarryRatesAndAggregates() {
        JsonNode body = post("/v1/analytics/metrics", "{" + RANGE + ",\"resolution\":\"day\",\"dimensions\":[\"time\"],"
            + "\"metrics\":[\"accepted_count\",\"delivered_count\",\"opened_count\",\"opened_rate\"],\"include_aggregates\":true}").json();

        assertThat(body.get("resolution").asText()).isEqualTo("day");
        assertThat(body.get("items")).hasSize(2);
        JsonNode may4 = body.get("items").get(0);
        assertThat(may4.get("dimensions").get(0).get("value").asText()).isEqualTo("Mon, 04 May 2026 00:00:00 +0000");
        assertThat(may4.get("metrics").get("accepted_count").asInt()).isEqualTo(1);
        assertThat(may4.get("metrics").get("opened_count").asInt()).isEqualTo(2);
        assertThat(may4.get("metrics").get("opened_rate").asText()).isEqualTo("200.0000");
        assertThat(body.get("aggregates").get("metrics").get("delivered_count").asInt()).isEqualTo(2);
        assertThat(body.get("pagination").get("total").asInt()).isEqualTo(2);
    }

    @Test
    void metricsByTagCountUniqueOpensFromTheEvents() {
        JsonNode body = post("/v1/analytics/metrics", "{" + RANGE + ",\"resolution\":\"month\",\"dimensions\":[\"tag\"],"
            + "\"metrics\":[\"opened_count\",\"unique_opened_count\"]}").json();

        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("dimensions").get(0).get("value").asText()).isEqualTo("news");
        assertThat(body.get("items").get(0).get("metrics").get("opened_count").asInt()).isEqualTo(2);
        assertThat(body.get("items").get(0).get("metrics").get("unique_opened_count").asInt()).isEqualTo(1);
    }

    @Test
    void aTagFilterWithoutATagDimensionCountsOnlyTheEventsThatPassIt() {
        JsonNode tagged = post("/v1/analytics/metrics", "{" + RANGE + ",\"resolution\":\"month\",\"metrics\":[\"accepted_count\"],"
            + "\"filter\":{\"AND\":[{\"attribute\":\"tag\",\"comparator\":\"=\",\"values\":[{\"label\":\"news\",\"value\":\"news\"}]}]},"
            + "\"include_aggregates\":true}").json();
        JsonNode others = post("/v1/analytics/metrics", "{" + RANGE + ",\"resolution\":\"month\",\"metrics\":[\"accepted_count\"],"
            + "\"filter\":{\"AND\":[{\"attribute\":\"tag\",\"comparator\":\"!=\",\"values\":[{\"label\":\"news\",\"value\":\"news\"}]}]},"
            + "\"include_aggregates\":true}").json();

        assertThat(tagged.get("aggregates").get("metrics").get("accepted_count").asInt()).isEqualTo(1);
        assertThat(others.get("aggregates").get("metrics").get("accepted_count").asInt()).isEqualTo(1);
    }

    @Test
    void badMetricsQuestionsAre400() {
        assertThat(post("/v1/analytics/metrics", "{\"resolution\":\"week\",\"metrics\":[\"accepted_count\"]}").json()
            .get("message").asText()).contains("'resolution' attribute is invalid");
        assertThat(post("/v1/analytics/metrics", "{\"metrics\":[\"made_up_count\"]}").status()).isEqualTo(400);
        assertThat(post("/v1/analytics/metrics", "{\"metrics\":[\"accepted_count\"],\"dimensions\":[\"planet\"]}").status()).isEqualTo(400);
        assertThat(post("/v1/analytics/metrics", "{\"metrics\":").status()).isEqualTo(400);
        assertThat(post("/v1/analytics/usage/metrics", "{\"metrics\":[\"accepted_count\"]}").status()).isEqualTo(400);
    }

    @Test
    void usageMetricsCountProcessedMessages() {
        JsonNode body = post("/v1/analytics/usage/metrics", "{" + RANGE + ",\"resolution\":\"day\",\"dimensions\":[\"time\"],"
            + "\"metrics\":[\"processed_count\",\"email_validation_count\"],\"include_aggregates\":true}").json();

        assertThat(body.get("aggregates").get("metrics").get("processed_count").asInt()).isEqualTo(2);
        assertThat(body.get("aggregates").get("metrics").get("email_validation_count").asInt()).isZero();
    }

    @Test
    void v1TagsAreListedDescribedAndDeletedAcrossTheAccount() {
        JsonNode listed = post("/v1/analytics/tags", "{\"pagination\":{\"limit\":10}}").json();
        ApiResponse described = postyard.api().put("/mailgun/v1/analytics/tags").basicAuth("api", postyard.primaryKey())
            .json("{\"tag\":\"news\",\"description\":\"News\"}").send();
        ApiResponse deleted = postyard.api().delete("/mailgun/v1/analytics/tags").basicAuth("api", postyard.primaryKey())
            .raw("application/x-www-form-urlencoded", "{\"tag\":\"news\"}".getBytes(StandardCharsets.UTF_8)).send();
        JsonNode limits = postyard.api().get("/mailgun/v1/analytics/tags/limits").basicAuth("api", postyard.primaryKey()).send().json();

        assertThat(listed.get("items")).extracting(item -> item.get("tag").asText()).contains("news");
        assertThat(listed.get("items").get(0).get("first_seen").asText()).endsWith("GMT");
        assertThat(described.json().get("message").asText()).isEqualTo("Tag updated");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).isEqualTo("Tag deleted");
        assertThat(limits.get("count").asInt()).isZero();
        assertThat(limits.get("limit_reached").asBoolean()).isFalse();
        assertThat(postyard.api().delete("/mailgun/v1/analytics/tags").basicAuth("api", postyard.primaryKey())
            .json("{\"tag\":\"news\"}").send().status()).isEqualTo(404);
    }
}

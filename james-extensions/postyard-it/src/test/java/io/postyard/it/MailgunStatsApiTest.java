package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import io.postyard.core.event.Severity;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * {@code GET /v3/{domain}/stats/total} after a scripted set of events: exact numbers at hour, day and month
 * resolution, empty buckets as zeros, and the counters rebuilt from the stored events give the same answer.
 */
class MailgunStatsApiTest {
    private static final String DOMAIN = "stats.test";
    private static final String SECOND_DOMAIN = "stats-two.test";
    private static final Instant MAR_31_2215 = Instant.parse("2026-03-31T22:15:00Z");
    private static final Instant MAR_31_2340 = Instant.parse("2026-03-31T23:40:00Z");
    private static final Instant APR_01_0005 = Instant.parse("2026-04-01T00:05:00Z");
    private static final Instant APR_03_1200 = Instant.parse("2026-04-03T12:00:00Z");

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    @BeforeAll
    static void publishScriptedEvents() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
        PostyardEvent duplicated = event(EventType.ACCEPTED, MAR_31_2215).build();
        postyard.publish(duplicated);
        postyard.publish(duplicated);
        postyard.publish(event(EventType.ACCEPTED, MAR_31_2215).build());
        postyard.publish(event(EventType.DELIVERED, MAR_31_2215).build());
        postyard.publish(event(EventType.FAILED, MAR_31_2340).severity(Severity.PERMANENT).reason("bounce").build());
        postyard.publish(event(EventType.OPENED, MAR_31_2340).build());
        postyard.publish(event(EventType.OPENED, MAR_31_2340).build());
        postyard.publish(event(EventType.DELIVERED, APR_01_0005).build());
        postyard.publish(event(EventType.CLICKED, APR_01_0005).build());
        postyard.publish(event(EventType.FAILED, APR_01_0005).severity(Severity.PERMANENT).reason("suppress-bounce").build());
        postyard.publish(event(EventType.COMPLAINED, APR_03_1200).build());
        postyard.publish(event(EventType.UNSUBSCRIBED, APR_03_1200).build());
        postyard.publish(event(EventType.FAILED, APR_03_1200).severity(Severity.TEMPORARY).reason("generic").build());
        postyard.publish(PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, Domain.of("elsewhere.test")).timestamp(MAR_31_2215).build());
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", SECOND_DOMAIN)).send();
        postyard.publish(PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, Domain.of(SECOND_DOMAIN)).timestamp(MAR_31_2340)
            .recipient("other@far.example").build());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            stats("event=unsubscribed&resolution=month&start=" + APR_03_1200.getEpochSecond() + "&end=" + APR_03_1200.plusSeconds(1).getEpochSecond())
                .json().get("stats").get(0).get("unsubscribed").get("total").asInt() == 1);
    }

    private static PostyardEvent.Builder event(EventType type, Instant at) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, Domain.of(DOMAIN)).timestamp(at).recipient("someone@far.example");
    }

    private static ApiResponse stats(String query) {
        return postyard.api().get("/mailgun/v3/" + DOMAIN + "/stats/total?" + query).basicAuth("api", postyard.primaryKey()).send();
    }

    private static final String ALL_EVENTS = "event=accepted&event=delivered&event=failed&event=opened&event=clicked"
        + "&event=unsubscribed&event=complained";

    @Test
    void hourlyStatsCountEachHourExactlyWithEmptyHoursAsZeros() {
        ApiResponse response = stats(ALL_EVENTS + "&resolution=hour&start=" + Instant.parse("2026-03-31T21:00:00Z").getEpochSecond()
            + "&end=" + Instant.parse("2026-04-01T01:00:00Z").getEpochSecond());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("resolution").asText()).isEqualTo("hour");
        assertThat(body.get("start").asText()).isEqualTo("Tue, 31 Mar 2026 21:00:00 UTC");
        assertThat(body.get("end").asText()).isEqualTo("Wed, 01 Apr 2026 01:00:00 UTC");
        JsonNode stats = body.get("stats");
        assertThat(stats).hasSize(4);
        assertThat(stats.get(0).get("time").asText()).isEqualTo("Tue, 31 Mar 2026 21:00:00 UTC");
        assertThat(stats.get(0).get("accepted").get("total").asInt()).isZero();
        assertThat(stats.get(0).get("failed").get("permanent").get("total").asInt()).isZero();
        JsonNode ten = stats.get(1);
        assertThat(ten.get("time").asText()).isEqualTo("Tue, 31 Mar 2026 22:00:00 UTC");
        assertThat(ten.get("accepted").toString()).isEqualTo("{\"incoming\":0,\"outgoing\":2,\"total\":2}");
        assertThat(ten.get("delivered").toString()).isEqualTo("{\"http\":0,\"smtp\":1,\"total\":1}");
        JsonNode eleven = stats.get(2);
        assertThat(eleven.get("failed").toString()).isEqualTo("{\"permanent\":{\"bounce\":1,\"delayed-bounce\":0,\"suppress-bounce\":0,"
            + "\"suppress-complaint\":0,\"suppress-unsubscribe\":0,\"total\":1},\"temporary\":{\"espblock\":0}}");
        assertThat(eleven.get("opened").toString()).isEqualTo("{\"total\":2}");
        JsonNode midnight = stats.get(3);
        assertThat(midnight.get("time").asText()).isEqualTo("Wed, 01 Apr 2026 00:00:00 UTC");
        assertThat(midnight.get("clicked").get("total").asInt()).isEqualTo(1);
        assertThat(midnight.get("failed").get("permanent").get("suppress-bounce").asInt()).isEqualTo(1);
    }

    @Test
    void dailyStatsRollTheHoursUp() {
        JsonNode stats = stats(ALL_EVENTS + "&resolution=day&start=Tue,%2031%20Mar%202026%2000:00:00%20%2B0000"
            + "&end=Sat,%2004%20Apr%202026%2000:00:00%20%2B0000").json().get("stats");

        assertThat(stats).extracting(row -> row.get("time").asText()).containsExactly("Tue, 31 Mar 2026 00:00:00 UTC",
            "Wed, 01 Apr 2026 00:00:00 UTC", "Thu, 02 Apr 2026 00:00:00 UTC", "Fri, 03 Apr 2026 00:00:00 UTC");
        assertThat(stats.get(0).get("accepted").get("total").asInt()).isEqualTo(2);
        assertThat(stats.get(0).get("delivered").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(0).get("failed").get("permanent").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(0).get("opened").get("total").asInt()).isEqualTo(2);
        assertThat(stats.get(1).get("delivered").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(1).get("failed").get("permanent").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(2).toString()).doesNotContain(":1").doesNotContain(":2");
        assertThat(stats.get(3).get("complained").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(3).get("unsubscribed").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(3).get("failed").get("temporary").get("espblock").asInt()).isEqualTo(1);
    }

    @Test
    void monthlyStatsStartAtTheRequestedDayThenFollowTheCalendar() {
        JsonNode body = stats(ALL_EVENTS + "&resolution=month&start=" + Instant.parse("2026-03-14T00:00:00Z").getEpochSecond()
            + "&end=" + Instant.parse("2026-05-01T00:00:00Z").getEpochSecond()).json();

        assertThat(body.get("start").asText()).isEqualTo("Sat, 14 Mar 2026 00:00:00 UTC");
        JsonNode stats = body.get("stats");
        assertThat(stats).extracting(row -> row.get("time").asText())
            .containsExactly("Sat, 14 Mar 2026 00:00:00 UTC", "Wed, 01 Apr 2026 00:00:00 UTC");
        assertThat(stats.get(0).get("accepted").get("outgoing").asInt()).isEqualTo(2);
        assertThat(stats.get(0).get("failed").get("permanent").get("bounce").asInt()).isEqualTo(1);
        assertThat(stats.get(1).get("delivered").get("smtp").asInt()).isEqualTo(1);
        assertThat(stats.get(1).get("clicked").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(1).get("complained").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(1).get("failed").get("permanent").get("total").asInt()).isEqualTo(1);
        assertThat(stats.get(1).get("failed").get("temporary").get("espblock").asInt()).isEqualTo(1);
    }

    @Test
    void onlyTheRequestedEventsAreShown() {
        JsonNode row = stats("event=delivered&resolution=month&start=" + MAR_31_2215.getEpochSecond() + "&end="
            + APR_03_1200.getEpochSecond()).json().get("stats").get(0);

        assertThat(row.fieldNames()).toIterable().containsExactly("delivered", "time");
    }

    @Test
    void accountStatsSumEveryDomainOfTheAccount() {
        String query = "event=delivered&event=accepted&resolution=day&start=" + Instant.parse("2026-03-31T00:00:00Z").getEpochSecond()
            + "&end=" + Instant.parse("2026-04-01T00:00:00Z").getEpochSecond();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> postyard.api().get("/mailgun/v3/" + SECOND_DOMAIN + "/stats/total?" + query)
            .basicAuth("api", postyard.primaryKey()).send().json().get("stats").get(0).get("delivered").get("total").asInt() == 1);

        ApiResponse account = postyard.api().get("/mailgun/v3/stats/total?" + query).basicAuth("api", postyard.primaryKey()).send();

        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        JsonNode day = account.json().get("stats").get(0);
        assertThat(day.get("time").asText()).isEqualTo("Tue, 31 Mar 2026 00:00:00 UTC");
        assertThat(day.get("delivered").get("total").asInt()).isEqualTo(2);
        assertThat(day.get("accepted").get("total").asInt()).isEqualTo(2);
        String sendingKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"domain_sending\",\"domain\":\"" + DOMAIN + "\",\"description\":\"stats\"}").send()
            .json().get("secret").asText();
        assertThat(postyard.api().get("/mailgun/v3/stats/total?" + query).basicAuth("api", sendingKey).send().status()).isEqualTo(403);
    }

    @Test
    void aDurationCountsBackFromTheEnd() {
        JsonNode body = stats("event=accepted&resolution=day&duration=3d&end=" + Instant.parse("2026-04-01T00:00:00Z").getEpochSecond())
            .json();

        assertThat(body.get("start").asText()).isEqualTo("Sun, 29 Mar 2026 00:00:00 UTC");
        assertThat(body.get("stats")).hasSize(3);
        assertThat(stats("event=accepted&duration=3y").status()).isEqualTo(400);
    }

    @Test
    void theEventParameterIsRequired() {
        ApiResponse response = stats("resolution=day");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("event");
    }

    @Test
    void badParametersAreRefusedWith400() {
        assertThat(stats("event=bogus").status()).isEqualTo(400);
        assertThat(stats("event=delivered&resolution=week").status()).isEqualTo(400);
        assertThat(stats("event=delivered&start=yesterday").status()).isEqualTo(400);
        assertThat(stats("event=delivered&start=2000&end=1000").status()).isEqualTo(400);
    }

    @Test
    void anUnknownDomainIs404() {
        ApiResponse response = postyard.api().get("/mailgun/v3/nowhere.test/stats/total?event=delivered")
            .basicAuth("api", postyard.primaryKey()).send();

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void rebuildingFromEventsGivesTheSameNumbers() {
        String query = ALL_EVENTS + "&resolution=month&start=" + Instant.parse("2026-03-01T00:00:00Z").getEpochSecond()
            + "&end=" + Instant.parse("2026-05-01T00:00:00Z").getEpochSecond();
        String before = stats(query).json().get("stats").toString();

        ApiResponse rebuilt = postyard.webAdmin().post("/postyard/stats/" + DOMAIN + "/rebuild").send();

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asInt()).isEqualTo(12);
        assertThat(stats(query).json().get("stats").toString()).isEqualTo(before);
    }

    @Test
    void eventsAreNotReindexedOnTheMemoryProfile() {
        assertThat(postyard.webAdmin().post("/postyard/events/reindex?domain=" + DOMAIN).send().status()).isEqualTo(404);
    }
}

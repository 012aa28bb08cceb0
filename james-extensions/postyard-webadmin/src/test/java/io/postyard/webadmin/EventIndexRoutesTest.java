package io.postyard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.domain.FakeDomainList;
import io.postyard.core.event.EventReindexer;

class EventIndexRoutesTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String REINDEX = "/postyard/events/reindex";

    private final RecordingReindexer reindexer = new RecordingReindexer(Map.of(
        Domain.of("a.test"), new EventReindexer.Result(5, 1),
        Domain.of("b.test"), new EventReindexer.Result(3, 0)));
    private TestWebAdmin webAdmin;

    @BeforeEach
    void startWebAdmin() {
        webAdmin = TestWebAdmin.serving(new EventIndexRoutes(reindexer, new FakeDomainList("a.test", "b.test"), Clock.fixed(NOW, ZoneOffset.UTC),
            new JsonTransformer()));
    }

    @AfterEach
    void stopWebAdmin() {
        webAdmin.destroy();
    }

    @Test
    void oneDomainIsReindexedFromTheFirstEventToTenYearsAheadByDefault() {
        TestWebAdmin.Reply reindexed = webAdmin.post(REINDEX + "?domain=a.test");

        assertThat(reindexed.status()).as(reindexed.toString()).isEqualTo(200);
        JsonNode body = reindexed.json();
        assertThat(body.get("events").asLong()).isEqualTo(5);
        assertThat(body.get("failed").asLong()).isEqualTo(1);
        assertThat(body.get("begin").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(body.get("end").asText()).isEqualTo("2036-04-28T10:00:00Z");
        assertThat(body.get("domains")).hasSize(1);
        assertThat(body.get("domains").get(0).get("domain").asText()).isEqualTo("a.test");
        assertThat(reindexer.calls).containsExactly(new Call(Domain.of("a.test"), Instant.EPOCH, Instant.parse("2036-04-28T10:00:00Z")));
    }

    @Test
    void withoutADomainEveryJamesDomainIsReindexedAndTheTotalsAddUp() {
        TestWebAdmin.Reply reindexed = webAdmin.post(REINDEX + "?begin=2026-04-01T00:00:00Z&end=2026-05-01T00:00:00Z");

        assertThat(reindexed.status()).as(reindexed.toString()).isEqualTo(200);
        JsonNode body = reindexed.json();
        assertThat(body.get("events").asLong()).isEqualTo(8);
        assertThat(body.get("failed").asLong()).isEqualTo(1);
        assertThat(body.get("begin").asText()).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(body.get("end").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(body.get("domains")).extracting(domain -> domain.get("domain").asText() + "=" + domain.get("events").asLong()
            + "/" + domain.get("failed").asLong()).containsExactly("a.test=5/1", "b.test=3/0");
        assertThat(reindexer.calls).extracting(Call::domain).containsExactly(Domain.of("a.test"), Domain.of("b.test"));
        assertThat(reindexer.calls).allSatisfy(call -> {
            assertThat(call.begin()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
            assertThat(call.end()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        });
    }

    @Test
    void aMalformedInstantIsA400InJamesErrorFormatAndReindexesNothing() {
        TestWebAdmin.Reply refused = webAdmin.post(REINDEX + "?domain=a.test&begin=2026-13-01");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("statusCode").asInt()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("InvalidArgument");
        assertThat(refused.json().get("message").asText())
            .isEqualTo("'begin' must be an ISO-8601 instant, such as 2026-05-01T00:00:00Z");
        assertThat(webAdmin.post(REINDEX + "?end=tomorrow").json().get("message").asText()).startsWith("'end' must be");
        assertThat(reindexer.calls).isEmpty();
    }

    @Test
    void anEmptyRangeOrAnInvalidDomainIsA400AndReindexesNothing() {
        TestWebAdmin.Reply backwards = webAdmin.post(REINDEX + "?begin=2026-05-02T00:00:00Z&end=2026-05-01T00:00:00Z");
        TestWebAdmin.Reply empty = webAdmin.post(REINDEX + "?begin=2026-05-01T00:00:00Z&end=2026-05-01T00:00:00Z");
        TestWebAdmin.Reply invalidDomain = webAdmin.post(REINDEX + "?domain=-bad.test");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("message").asText()).isEqualTo("'end' must come after 'begin'");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(invalidDomain.status()).isEqualTo(400);
        assertThat(invalidDomain.json().get("message").asText()).isEqualTo("Invalid domain");
        assertThat(reindexer.calls).isEmpty();
    }

    record Call(Domain domain, Instant begin, Instant end) {
    }

    /** The index itself is OpenSearch's business (postyard-opensearch); the route only chooses what to reindex and adds up. */
    private static final class RecordingReindexer implements EventReindexer {
        private final Map<Domain, Result> results;
        // Appended to by WebAdmin's request threads, read by the test's.
        private final List<Call> calls = new CopyOnWriteArrayList<>();

        RecordingReindexer(Map<Domain, Result> results) {
            this.results = results;
        }

        @Override
        public Result reindex(Domain domain, Instant begin, Instant end) {
            calls.add(new Call(domain, begin, end));
            return results.getOrDefault(domain, new Result(0, 0));
        }
    }
}

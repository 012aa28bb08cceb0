package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.search.Hit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.settings.Setting;
import io.postyard.opensearch.OpenSearchClients;
import io.postyard.opensearch.OpenSearchIndices;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * The cassandra profile serves the Mailgun events API from OpenSearch, on the real Cassandra and OpenSearch the test
 * command starts: every event the API shows is a document of the index, filters and paging are the index's, an API
 * without its index shows nothing, and the WebAdmin re-index route rebuilds the index from Cassandra.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchEventsTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
    private static final CassandraProfileStorage STORAGE = new CassandraProfileStorage("events");
    private static final String PREFIX = STORAGE.indexPrefix();
    private static final String DOMAIN = "indexed.test";
    // 4 to ann, 2 to bob, 1 to a mailbox that does not exist: 7 accepted, 6 delivered, 1 failed.
    private static final int EVENTS = 14;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .settings(STORAGE.settings())
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .withScriptedSmtpSink()
        .build();

    private static String annsFirstMessageId;

    @BeforeAll
    static void sendMail() {
        postyard.scriptedSink().onRcpt("gone@remote.test", "550 5.1.1 <gone@remote.test>: Recipient address rejected: User unknown");
        assertThat(postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send()
            .status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            String id = send("ann@remote.test", "news");
            annsFirstMessageId = annsFirstMessageId == null ? id : annsFirstMessageId;
        }
        send("bob@remote.test", "promo");
        send("bob@remote.test", "promo");
        send("gone@remote.test", "news");
        AWAIT.until(() -> items("limit=300").size() == EVENTS);
    }

    @AfterAll
    static void dropStorage() {
        STORAGE.drop();
    }

    private static String send(String to, String tag) {
        ApiResponse sent = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "Shop <shop@indexed.test>", "to", to, "subject", "for " + to, "text", "hello", "o:tag", tag)).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json().get("id").asText();
    }

    private static JsonNode page(String pathAndQuery) {
        ApiResponse response = postyard.api().get(pathAndQuery).basicAuth("api", postyard.primaryKey()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> items(String query) {
        List<JsonNode> items = new ArrayList<>();
        page("/mailgun/v3/" + DOMAIN + "/events?" + query).get("items").forEach(items::add);
        return items;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asText()).toList();
    }

    /** Every item of the walk from the first page through the {@code next} links (absolute URLs) to the empty page. */
    private static List<JsonNode> walk(String query) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = page("/mailgun/v3/" + DOMAIN + "/events?" + query);
        while (!page.get("items").isEmpty()) {
            page.get("items").forEach(items::add);
            URI next = URI.create(page.get("paging").get("next").asText());
            assertThat(next.getScheme() + "://" + next.getAuthority()).isEqualTo("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort());
            page = page(next.getRawPath());
        }
        return items;
    }

    private static List<String> reversed(List<String> values) {
        List<String> reversed = new ArrayList<>(values);
        Collections.reverse(reversed);
        return reversed;
    }

    /** The ids of the documents the index holds for the domain, read from OpenSearch itself. */
    private static List<String> indexedIds() throws IOException {
        OpenSearchClient client = OpenSearchClients.open(OpenSearchIndices.configuration(PREFIX));
        try {
            client.indices().refresh(refresh -> refresh.index(PREFIX + "-*"));
            return client.search(search -> search.index(PREFIX + "-*").size(100)
                    .query(query -> query.term(term -> term.field("domain").value(FieldValue.of(DOMAIN)))), ObjectNode.class)
                .hits().hits().stream().map(Hit::id).toList();
        } finally {
            client._transport().close();
        }
    }

    @Test
    @Order(1)
    void everyEventTheApiShowsIsADocumentOfTheIndex() throws IOException {
        List<JsonNode> all = items("limit=300");

        assertThat(indexedIds()).hasSize(EVENTS).containsExactlyInAnyOrderElementsOf(ids(all));
    }

    @Test
    @Order(2)
    void filtersAreAnsweredByTheIndex() {
        assertThat(items("event=delivered&recipient=ANN@remote.test")).hasSize(4)
            .allSatisfy(item -> assertThat(item.get("recipient").asText()).isEqualTo("ann@remote.test"));
        assertThat(items("tags=promo")).hasSize(4)
            .allSatisfy(item -> assertThat(item.get("tags").toString()).contains("promo"));
        assertThat(items("event=accepted%20OR%20failed&tags=news")).hasSize(6);
        assertThat(items("event=failed&severity=permanent")).singleElement()
            .satisfies(item -> assertThat(item.get("recipient").asText()).isEqualTo("gone@remote.test"));
        assertThat(items("severity=temporary")).isEmpty();
        assertThat(items("from=SHOP@indexed")).hasSize(EVENTS);
        assertThat(items("from=Shop@Indexed.test")).hasSize(EVENTS);
        assertThat(items("from=hop@indexed.test")).isEmpty();
        assertThat(items("message-id=" + annsFirstMessageId.replace("<", "").replace(">", "")))
            .extracting(item -> item.get("event").asText()).containsExactly("delivered", "accepted");
    }

    @Test
    @Order(3)
    void pagesFollowTheCursorBothWays() {
        List<String> newestFirst = ids(items("limit=300"));
        List<String> oldestFirst = ids(items("limit=300&ascending=yes"));

        assertThat(ids(walk("limit=3"))).containsExactlyElementsOf(newestFirst);
        assertThat(ids(walk("limit=4&ascending=yes"))).containsExactlyElementsOf(oldestFirst);
        assertThat(oldestFirst).containsExactlyElementsOf(reversed(newestFirst));
        assertThat(ids(walk("limit=2&event=delivered&recipient=ann@remote.test"))).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    @Order(4)
    void theReindexRouteRebuildsADeletedIndexFromCassandra() throws IOException {
        List<JsonNode> before = items("limit=300");
        OpenSearchIndices.deleteIndices(PREFIX);

        assertThat(items("limit=300")).isEmpty();
        ApiResponse reindexed = postyard.webAdmin().post("/postyard/events/reindex?domain=" + DOMAIN).send();

        assertThat(reindexed.status()).as(reindexed.toString()).isEqualTo(200);
        assertThat(reindexed.json().get("events").asInt()).isEqualTo(EVENTS);
        assertThat(reindexed.json().get("failed").asInt()).isZero();
        AWAIT.untilAsserted(() -> assertThat(items("limit=300")).containsExactlyElementsOf(before));
        assertThat(indexedIds()).hasSize(EVENTS);
    }

    @Test
    @Order(5)
    void withoutADomainEveryDomainIsReindexedAndBadRangesAreRefused() {
        ApiResponse everything = postyard.webAdmin().post("/postyard/events/reindex").send();

        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        assertThat(everything.json().get("domains")).anySatisfy(domain -> {
            assertThat(domain.get("domain").asText()).isEqualTo(DOMAIN);
            assertThat(domain.get("events").asInt()).isEqualTo(EVENTS);
        });
        assertThat(postyard.webAdmin().post("/postyard/events/reindex?domain=" + DOMAIN + "&begin=2026-13-01").send().status()).isEqualTo(400);
        assertThat(postyard.webAdmin().post("/postyard/events/reindex?begin=2026-05-02T00:00:00Z&end=2026-05-01T00:00:00Z").send().status())
            .isEqualTo(400);
        ApiResponse nothing = postyard.webAdmin().post("/postyard/events/reindex?domain=" + DOMAIN + "&end=2000-01-01T00:00:00Z").send();
        assertThat(nothing.json().get("events").asInt()).isZero();
        assertThat(items("limit=300")).hasSize(EVENTS);
    }
}

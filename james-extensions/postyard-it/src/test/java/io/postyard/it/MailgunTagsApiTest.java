package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/**
 * Tags as mailgun.js's {@code domains.domainTags} and the current reference call them: fed by the tags of sends,
 * listed with absolute paging links, described, counted per time bucket and per provider and device, deleted.
 */
class MailgunTagsApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "tags.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void sendTaggedMail() {
        primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", DOMAIN)).send();
        for (String to : List.of("ann@elsewhere.example", "bob@other.example")) {
            ApiResponse sent = primary(postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages")).multipart(List.of(
                Map.entry("from", "news@" + DOMAIN), Map.entry("to", to), Map.entry("subject", "Issue 1"), Map.entry("text", "hi"),
                Map.entry("o:tag", "newsletter"), Map.entry("o:tag", "issue-1")), List.of()).send();
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }
        Awaitility.await().atMost(WAIT).until(() -> postyard.sink().messages().size() >= 2);
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static ApiResponse get(String path) {
        return primary(postyard.api().get("/mailgun/v3/" + DOMAIN + path)).send();
    }

    @Test
    void theTagsOfSendsAreListedWithWhenTheyWereSeen() {
        JsonNode body = get("/tags").json();

        assertThat(body.get("items")).extracting(item -> item.get("tag").asText()).contains("issue-1", "newsletter");
        JsonNode newsletter = get("/tags/newsletter").json();
        assertThat(newsletter.has("description")).isTrue();
        assertThat(Instant.parse(newsletter.get("first-seen").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(Instant.parse(newsletter.get("last-seen").asText())).isAfterOrEqualTo(Instant.parse(newsletter.get("first-seen").asText()));
        assertThat(body.get("paging").get("first").asText()).startsWith("http://" + PostyardExtension.LOCALHOST)
            .contains("/mailgun/v3/" + DOMAIN + "/tags?");
    }

    @Test
    void pagesWalkTheTagsInOrderByTheirPagingLinks() {
        for (String tag : List.of("page-a", "page-b", "page-c", "page-d", "page-e")) {
            postyard.publish(PostyardEvent.builder(EventType.ACCEPTED, AccountId.DEFAULT, Domain.of(DOMAIN)).tags(List.of(tag)).build());
        }

        JsonNode first = get("/tags?prefix=page-&limit=2").json();
        assertThat(first.get("items")).extracting(item -> item.get("tag").asText()).containsExactly("page-a", "page-b");
        String next = first.get("paging").get("next").asText();
        JsonNode second = primary(postyard.api().get(next.substring(next.indexOf("/mailgun/")))).send().json();
        assertThat(second.get("items")).extracting(item -> item.get("tag").asText()).containsExactly("page-c", "page-d");
        JsonNode last = get("/tags?prefix=page-&limit=2&page=last").json();
        assertThat(last.get("items")).extracting(item -> item.get("tag").asText()).containsExactly("page-d", "page-e");
        JsonNode previous = get("/tags?prefix=page-&limit=2&page=prev&tag=page-d").json();
        assertThat(previous.get("items")).extracting(item -> item.get("tag").asText()).containsExactly("page-b", "page-c");
    }

    @Test
    void aDescriptionIsSetOnEitherPathForm() {
        ApiResponse updated = primary(postyard.api().put("/mailgun/v3/" + DOMAIN + "/tags/newsletter"))
            .form(Map.of("description", "The weekly newsletter")).send();
        ApiResponse byQuery = primary(postyard.api().put("/mailgun/v3/" + DOMAIN + "/tag?tag=issue-1&description=First%20issue"))
            .form(Map.of()).send();

        assertThat(updated.json().get("message").asText()).isEqualTo("Tag updated");
        assertThat(byQuery.status()).as(byQuery.toString()).isEqualTo(200);
        assertThat(get("/tags/newsletter").json().get("description").asText()).isEqualTo("The weekly newsletter");
        assertThat(get("/tag?tag=issue-1").json().get("description").asText()).isEqualTo("First issue");
    }

    @Test
    void aTagsStatsCountItsOwnEventsPerBucket() {
        Awaitility.await().atMost(WAIT).until(() -> get("/tags/newsletter/stats?event=delivered&resolution=day&duration=1d")
            .json().get("stats").findValues("delivered").stream().mapToInt(node -> node.get("total").asInt()).sum() == 2);

        JsonNode body = get("/tags/newsletter/stats?event=accepted&event=delivered&resolution=hour&duration=2h").json();

        assertThat(body.get("tag").asText()).isEqualTo("newsletter");
        assertThat(body.get("resolution").asText()).isEqualTo("hour");
        assertThat(body.get("stats")).hasSize(3);
        assertThat(body.get("stats").findValues("accepted").stream().mapToInt(node -> node.get("outgoing").asInt()).sum()).isEqualTo(2);
        assertThat(get("/tag/stats?tag=newsletter&event=accepted").status()).isEqualTo(200);
        assertThat(get("/tags/never-used/stats?event=accepted").status()).isEqualTo(404);
        assertThat(get("/tags/newsletter/stats").status()).isEqualTo(400);
    }

    @Test
    void aggregatesGroupByProviderDeviceAndCountry() {
        for (String agent : List.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)")) {
            postyard.publish(PostyardEvent.builder(EventType.OPENED, AccountId.DEFAULT, Domain.of(DOMAIN)).tags(List.of("newsletter"))
                .messageId("<m1@tags.test>").recipient("ann@elsewhere.example").details(Map.of("user-agent", agent)).build());
        }
        Awaitility.await().atMost(WAIT).until(() -> get("/tags/newsletter/stats/aggregates/providers").json()
            .get("provider").path("other.example").path("delivered").asInt() == 1);

        JsonNode providers = get("/tags/newsletter/stats/aggregates/providers").json();
        JsonNode devices = get("/tags/newsletter/stats/aggregates/devices").json();
        JsonNode countries = get("/tag/stats/aggregates?tag=newsletter&type=country").json();

        assertThat(providers.get("tag").asText()).isEqualTo("newsletter");
        assertThat(providers.get("provider").get("elsewhere.example").get("accepted").asInt()).isEqualTo(1);
        assertThat(providers.get("provider").get("elsewhere.example").get("opened").asInt()).isEqualTo(3);
        assertThat(providers.get("provider").get("elsewhere.example").get("unique_opened").asInt()).isEqualTo(1);
        assertThat(devices.get("device").get("mobile").get("opened").asInt()).isEqualTo(1);
        assertThat(devices.get("device").get("desktop").get("opened").asInt()).isEqualTo(2);
        assertThat(countries.get("country").get("unknown").get("opened").asInt()).isEqualTo(3);
        assertThat(get("/tags/newsletter/stats/aggregates/planets").status()).isEqualTo(404);
    }

    @Test
    void aDeletedTagIsGoneUntilItIsSentAgain() {
        postyard.publish(PostyardEvent.builder(EventType.ACCEPTED, AccountId.DEFAULT, Domain.of(DOMAIN)).tags(List.of("short-lived")).build());

        ApiResponse deleted = primary(postyard.api().delete("/mailgun/v3/" + DOMAIN + "/tags/short-lived")).send();

        assertThat(deleted.json().get("message").asText()).isEqualTo("Tag deleted");
        assertThat(get("/tags/short-lived").status()).isEqualTo(404);
        assertThat(get("/tags/short-lived").json().get("message").asText()).isEqualTo("Tag not found");
        assertThat(primary(postyard.api().delete("/mailgun/v3/" + DOMAIN + "/tags/short-lived")).send().status()).isEqualTo(404);
        postyard.publish(PostyardEvent.builder(EventType.ACCEPTED, AccountId.DEFAULT, Domain.of(DOMAIN)).tags(List.of("short-lived")).build());
        assertThat(get("/tags/short-lived").status()).isEqualTo(200);
    }

    @Test
    void changingTagsNeedsThePrimaryKey() {
        String sendingKey = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"domain_sending\",\"domain\":\"" + DOMAIN + "\",\"description\":\"tags\"}").send().json().get("secret").asText();

        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/tags").basicAuth("api", sendingKey).send().status()).isEqualTo(200);
        assertThat(postyard.api().put("/mailgun/v3/" + DOMAIN + "/tags/newsletter").basicAuth("api", sendingKey)
            .form(Map.of("description", "x")).send().status()).isEqualTo(403);
        assertThat(primary(postyard.api().get("/mailgun/v3/nowhere.test/tags")).send().status()).isEqualTo(404);
    }
}

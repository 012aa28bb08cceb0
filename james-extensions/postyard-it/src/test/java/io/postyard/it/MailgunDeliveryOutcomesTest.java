package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/**
 * What the remote server answers becomes events, and only "no such mailbox" lands an address on the bounce list. The
 * remote server is a scripted SMTP sink the test controls.
 */
class MailgunDeliveryOutcomesTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withScriptedSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.SMTP_RETRY_DELAYS, "5*1 second")
        .build();

    private static final String DOMAIN = "outcomes.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void createDomain() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
    }

    private static String send(String to, String subject) {
        ApiResponse response = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@outcomes.test", "to", to, "subject", subject, "text", "hello", "o:tag", "outcomes")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private static List<JsonNode> events(String query) {
        JsonNode body = postyard.api().get("/mailgun/v3/" + DOMAIN + "/events?" + query).basicAuth("api", postyard.primaryKey()).send().json();
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> awaitEvents(String query, int count) {
        Awaitility.await().atMost(WAIT).until(() -> events(query).size() >= count);
        return events(query);
    }

    @Test
    void aMailboxThatDoesNotExistIsListedAndTheNextSendIsSuppressed() {
        postyard.scriptedSink().onRcpt("ghost@remote.example", "550 5.1.1 <ghost@remote.example>: Recipient address rejected: User unknown");

        send("ghost@remote.example", "first");

        JsonNode failed = awaitEvents("event=failed&recipient=ghost@remote.example", 1).get(0);
        assertThat(failed.get("severity").asText()).isEqualTo("permanent");
        assertThat(failed.get("delivery-status").get("code").asInt()).isEqualTo(550);
        assertThat(failed.get("delivery-status").get("enhanced-code").asText()).isEqualTo("5.1.1");
        JsonNode bounce = postyard.api().get("/mailgun/v3/" + DOMAIN + "/bounces/ghost@remote.example")
            .basicAuth("api", postyard.primaryKey()).send().json();
        assertThat(bounce.get("code").asText()).isEqualTo("550");
        assertThat(bounce.get("error").asText()).contains("User unknown");

        int attemptsBefore = postyard.scriptedSink().attempts().size();
        send("ghost@remote.example", "second");

        JsonNode suppressed = awaitEvents("event=failed&recipient=ghost@remote.example&severity=permanent", 2).stream()
            .filter(event -> event.has("reason") && event.get("reason").asText().equals("suppress-bounce"))
            .findFirst().orElseThrow();
        assertThat(suppressed.get("message").get("headers").get("subject").asText()).isEqualTo("second");
        assertThat(postyard.scriptedSink().attempts().size()).isEqualTo(attemptsBefore);
    }

    @Test
    void aPolicyRejectionIsAFailureButDoesNotListTheAddress() {
        postyard.scriptedSink().onRcpt("guarded@remote.example", "550 5.7.1 Message rejected due to content restrictions");

        send("guarded@remote.example", "policy");

        JsonNode failed = awaitEvents("event=failed&recipient=guarded@remote.example", 1).get(0);
        assertThat(failed.get("severity").asText()).isEqualTo("permanent");
        assertThat(failed.get("delivery-status").get("enhanced-code").asText()).isEqualTo("5.7.1");
        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/bounces/guarded@remote.example")
            .basicAuth("api", postyard.primaryKey()).send().status()).isEqualTo(404);
    }

    @Test
    void aDeferredMessageIsRetriedThenDelivered() {
        postyard.scriptedSink().onRcpt("slow@remote.example", "451 4.3.0 Try again later", "250 2.1.5 OK");

        String id = send("slow@remote.example", "deferred");

        JsonNode delivered = awaitEvents("event=delivered&recipient=slow@remote.example", 1).get(0);
        assertThat(delivered.get("delivery-status").get("attempt-no").asInt()).isEqualTo(2);
        JsonNode deferred = events("event=failed&recipient=slow@remote.example").get(0);
        assertThat(deferred.get("severity").asText()).isEqualTo("temporary");
        assertThat(deferred.get("log-level").asText()).isEqualTo("warn");
        assertThat(deferred.get("delivery-status").get("attempt-no").asInt()).isEqualTo(1);
        assertThat(delivered.get("message").get("headers").get("message-id").asText()).isEqualTo(id.substring(1, id.length() - 1));
        assertThat(postyard.scriptedSink().attempts().stream().filter("slow@remote.example"::equals).count()).isEqualTo(2);
        assertThat(postyard.scriptedSink().received()).anySatisfy(message ->
            assertThat(message.recipients()).containsExactly("slow@remote.example"));
    }

    @Test
    void theOtherRecipientsOfAMessageAreStillDeliveredWhenOneIsSuppressed() {
        postyard.api().post("/mailgun/v3/" + DOMAIN + "/unsubscribes").basicAuth("api", postyard.primaryKey())
            .form(Map.of("address", "quit@remote.example")).send();

        send("quit@remote.example, stay@remote.example", "mixed");

        JsonNode suppressed = awaitEvents("event=failed&recipient=quit@remote.example", 1).get(0);
        assertThat(suppressed.get("reason").asText()).isEqualTo("suppress-unsubscribe");
        awaitEvents("event=delivered&recipient=stay@remote.example", 1);
    }

    @Test
    void anAddressUnsubscribedFromOneTagStillReceivesMailTaggedOtherwise() {
        ApiResponse unsubscribed = postyard.api().post("/mailgun/v3/" + DOMAIN + "/unsubscribes").basicAuth("api", postyard.primaryKey())
            .json("[{\"address\":\"reader@remote.example\",\"tags\":[\"news\"]}]").send();
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);

        send("reader@remote.example", "tagged outcomes");
        ApiResponse news = postyard.api().post("/mailgun/v3/" + DOMAIN + "/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "app@outcomes.test", "to", "reader@remote.example", "subject", "tagged news", "text", "hi",
                "o:tag", "news")).send();
        assertThat(news.status()).isEqualTo(200);

        JsonNode suppressed = awaitEvents("event=failed&recipient=reader@remote.example", 1).get(0);
        assertThat(suppressed.get("reason").asText()).isEqualTo("suppress-unsubscribe");
        assertThat(suppressed.get("message").get("headers").get("subject").asText()).isEqualTo("tagged news");
        JsonNode delivered = awaitEvents("event=delivered&recipient=reader@remote.example", 1).get(0);
        assertThat(delivered.get("message").get("headers").get("subject").asText()).isEqualTo("tagged outcomes");
        assertThat(postyard.scriptedSink().received()).anySatisfy(message ->
            assertThat(message.recipients()).containsExactly("reader@remote.example"));
    }

    @Test
    void aLoneBeginWithAscendingNoIsTheUpperEndAndThePageWalksBackInTime() {
        String id = send("walk-back@remote.example", "walk back");
        String bare = id.substring(1, id.length() - 1);
        awaitEvents("event=accepted&message-id=" + bare, 1);
        long inAnHour = System.currentTimeMillis() / 1000 + 3600;
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;

        assertThat(events("message-id=" + bare + "&event=accepted&ascending=no&begin=" + inAnHour)).hasSize(1);
        assertThat(events("message-id=" + bare + "&event=accepted&ascending=no&begin=" + anHourAgo)).isEmpty();
        assertThat(events("message-id=" + bare + "&event=accepted&ascending=yes&begin=" + anHourAgo)).hasSize(1);
        List<JsonNode> forward = events("begin=" + anHourAgo + "&end=" + inAnHour + "&limit=300");
        assertThat(forward).as("begin before end walks forward").extracting(event -> event.get("timestamp").asDouble())
            .isSorted();
        List<JsonNode> newestFirst = events("ascending=no&begin=" + inAnHour + "&limit=300");
        assertThat(newestFirst).extracting(event -> event.get("timestamp").asDouble())
            .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void fromFindsTheEventsOfItsAddressExactlyAndAnythingElseAsPartOfTheHeader() {
        String id = send("from-filter@remote.example", "from filter");
        String bare = id.substring(1, id.length() - 1);
        awaitEvents("event=accepted&message-id=" + bare, 1);

        assertThat(events("event=accepted&message-id=" + bare + "&from=APP@outcomes.test")).hasSize(1);
        assertThat(events("event=accepted&message-id=" + bare + "&from=app%40outcomes")).hasSize(1);
        assertThat(events("event=accepted&message-id=" + bare + "&from=pp@outcomes.test")).isEmpty();
    }

    @Test
    void everyMessageStartsWithAnAcceptedEventPerRecipient() {
        String id = send("first@remote.example, second@remote.example", "accepted");
        String bare = id.substring(1, id.length() - 1);

        List<JsonNode> accepted = awaitEvents("event=accepted&message-id=" + bare, 2);

        assertThat(accepted).extracting(event -> event.get("recipient").asText())
            .containsExactlyInAnyOrder("first@remote.example", "second@remote.example");
        assertThat(accepted.get(0).get("tags").get(0).asText()).isEqualTo("outcomes");
        assertThat(accepted.get(0).get("timestamp").isNumber()).isTrue();
    }
}

package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mailgun.api.v3.MailgunEventsApi;
import com.mailgun.api.v3.MailgunMessagesApi;
import com.mailgun.client.MailgunClient;
import com.mailgun.enums.EventType;
import com.mailgun.model.events.EventItem;
import com.mailgun.model.events.EventsQueryOptions;
import com.mailgun.model.events.EventsResponse;
import com.mailgun.model.message.Message;
import com.mailgun.model.message.MessageResponse;

import io.postyard.core.settings.Setting;
import io.postyard.testing.PostyardExtension;

/** The official mailgun-java 2.4.1 client sends through the server and reads the events back, typed. */
class MailgunJavaClientSendingConformanceTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "java-send.test";

    @TempDir
    static Path files;

    private static <T extends com.mailgun.api.MailgunApi> T api(Class<T> type) {
        return MailgunClient.config("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + "/mailgun",
            postyard.primaryKey()).createApi(type);
    }

    @BeforeAll
    static void createDomain() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
    }

    @Test
    void aMessageWithAnAttachmentTagsAndVariablesIsSentAndItsEventsRead() throws Exception {
        File invoice = files.resolve("invoice.txt").toFile();
        Files.writeString(invoice.toPath(), "Amount due: 42\n");

        MessageResponse response = api(MailgunMessagesApi.class).sendMessage(DOMAIN, Message.builder()
            .from("Billing <billing@java-send.test>")
            .to("customer@far.example")
            .subject("Your invoice")
            .text("Attached.")
            .html("<p>Attached.</p>")
            .attachment(invoice)
            .tag(List.of("invoice", "march"))
            .userVariables(Map.of("customer-id", "c-7"))
            .headers(Map.of("X-Invoice", "2026-03"))
            .build());

        assertThat(response.getMessage()).isEqualTo("Queued. Thank you.");
        assertThat(response.getId()).endsWith("@java-send.test>");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events(EventType.DELIVERED).size() >= 1);

        List<EventItem> accepted = events(EventType.ACCEPTED);
        EventItem event = accepted.get(0);
        assertThat(event.getRecipient()).isEqualTo("customer@far.example");
        assertThat(event.getTags()).containsExactlyInAnyOrder("invoice", "march");
        assertThat(event.getUserVariables()).containsEntry("customer-id", "c-7");
        assertThat(event.getTimestamp()).isNotNull();
        assertThat(event.getMessage().getHeaders().getMessageId()).isEqualTo(response.getId().replaceAll("[<>]", ""));
        EventItem delivered = events(EventType.DELIVERED).get(0);
        assertThat(delivered.getDeliveryStatus().getCode()).isEqualTo(250);
    }

    @Test
    void eventsArePagedThroughTheNextLink() {
        for (int i = 0; i < 5; i++) {
            api(MailgunMessagesApi.class).sendMessage(DOMAIN, Message.builder()
                .from("pager@java-send.test").to("page" + i + "@far.example").subject("page " + i).text("x")
                .tag("paging").build());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tagged("paging").size() >= 5);

        MailgunEventsApi events = api(MailgunEventsApi.class);
        EventsResponse page = events.getEvents(DOMAIN, EventsQueryOptions.builder().event(EventType.ACCEPTED).tags("paging").limit(2).build());
        List<String> recipients = new ArrayList<>();
        while (!page.getItems().isEmpty()) {
            page.getItems().forEach(item -> recipients.add(item.getRecipient()));
            String next = page.getPaging().getNext();
            page = events.getEvents(DOMAIN, next.substring(next.lastIndexOf('/') + 1));
        }
        assertThat(recipients).hasSize(5).doesNotHaveDuplicates();
    }

    private static List<EventItem> events(EventType type) {
        return api(MailgunEventsApi.class).getEvents(DOMAIN, EventsQueryOptions.builder().event(type).recipient("customer@far.example").build())
            .getItems();
    }

    private static List<EventItem> tagged(String tag) {
        return api(MailgunEventsApi.class).getEvents(DOMAIN, EventsQueryOptions.builder().event(EventType.ACCEPTED).tags(tag).build())
            .getItems();
    }
}

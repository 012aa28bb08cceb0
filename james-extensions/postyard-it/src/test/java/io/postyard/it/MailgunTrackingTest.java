package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** Open pixel, click redirect and unsubscribe links, as a recipient's mail client and browser use them. */
class MailgunTrackingTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "track.test";
    private static final Pattern TRACKING_URL = Pattern.compile("http://[^\"'<>\\s]+/t/([ocu])/([A-Za-z0-9_\\-.]+)");

    @BeforeAll
    static void createDomainWithTracking() {
        primary("POST", "/mailgun/v3/domains", Map.of("name", DOMAIN));
        primary("PUT", "/mailgun/v3/domains/" + DOMAIN + "/tracking/open", Map.of("active", "yes"));
        primary("PUT", "/mailgun/v3/domains/" + DOMAIN + "/tracking/click", Map.of("active", "yes"));
    }

    private static ApiResponse primary(String method, String path, Map<String, String> form) {
        return postyard.api().call(method, path).basicAuth("api", postyard.primaryKey()).form(form).send();
    }

    private static String send(String to, Map<String, String> extra) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("from", "news@track.test", "to", to, "subject", "Tracked",
            "text", "Plain version: %unsubscribe_url%",
            "html", "<html><body><p>Read <a href=\"https://shop.example/item?id=7&amp;ref=mail\">the offer</a>.</p>"
                + "<p><a href=\"%unsubscribe_url%\">Unsubscribe</a></p></body></html>",
            "o:tag", "promo", "v:campaign", "fall"));
        form.putAll(extra);
        ApiResponse response = primary("POST", "/mailgun/v3/" + DOMAIN + "/messages", form);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private static String rawAtSink(String messageId) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> find(messageId) != null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MimeMessage message = find(messageId);
        message.writeTo(out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static MimeMessage find(String messageId) throws Exception {
        for (MimeMessage message : postyard.sink().messages()) {
            if (messageId.equals(message.getMessageID())) {
                return message;
            }
        }
        return null;
    }

    private static List<String[]> trackingUrls(String raw) throws Exception {
        String decoded = new String(MimeUtility.decode(new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)),
            "quoted-printable").readAllBytes(), StandardCharsets.UTF_8);
        List<String[]> urls = new ArrayList<>();
        Matcher matcher = TRACKING_URL.matcher(decoded.replace("=\r\n", ""));
        while (matcher.find()) {
            urls.add(new String[] {matcher.group(1), matcher.group(0)});
        }
        return urls;
    }

    private static String first(List<String[]> urls, String kind) {
        return urls.stream().filter(url -> url[0].equals(kind)).map(url -> url[1]).findFirst()
            .orElseThrow(() -> new AssertionError("no /t/" + kind + "/ link"));
    }

    private static List<JsonNode> events(String query) {
        JsonNode body = postyard.api().get("/mailgun/v3/" + DOMAIN + "/events?" + query).basicAuth("api", postyard.primaryKey()).send().json();
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(items::add);
        return items;
    }

    @Test
    void theOpenPixelRecordsAnOpenWithTheClient() throws Exception {
        String raw = rawAtSink(send("reader@inbox.example", Map.of()));
        String pixel = first(trackingUrls(raw), "o");

        ApiResponse response = postyard.api().get(pixel.substring(pixel.indexOf("/t/"))).header("User-Agent", "TestMail/1.0").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("image/gif");
        JsonNode opened = events("event=opened&recipient=reader@inbox.example").get(0);
        assertThat(opened.get("client-info").get("user-agent").asText()).isEqualTo("TestMail/1.0");
        assertThat(opened.get("ip").asText()).isNotBlank();
        assertThat(opened.get("tags").get(0).asText()).isEqualTo("promo");
        assertThat(opened.get("user-variables").get("campaign").asText()).isEqualTo("fall");
    }

    @Test
    void aClickRedirectsToTheOriginalUrlAndIsRecorded() throws Exception {
        String raw = rawAtSink(send("clicker@inbox.example", Map.of()));
        String click = first(trackingUrls(raw), "c");

        ApiResponse response = postyard.api().get(click.substring(click.indexOf("/t/"))).send();

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("https://shop.example/item?id=7&ref=mail");
        JsonNode clicked = events("event=clicked&recipient=clicker@inbox.example").get(0);
        assertThat(clicked.get("url").asText()).isEqualTo("https://shop.example/item?id=7&ref=mail");
    }

    @Test
    void theOneClickUnsubscribeListsTheAddressAndRecordsIt() throws Exception {
        String id = send("leaver@inbox.example", Map.of());
        rawAtSink(id);
        MimeMessage message = find(id);
        String listUnsubscribe = message.getHeader("List-Unsubscribe", ",");
        assertThat(message.getHeader("List-Unsubscribe-Post", ",")).isEqualTo("List-Unsubscribe=One-Click");
        String url = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);

        ApiResponse response = postyard.api().post(url.substring(url.indexOf("/t/")))
            .raw("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(events("event=unsubscribed&recipient=leaver@inbox.example")).hasSize(1);
        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/unsubscribes/leaver@inbox.example")
            .basicAuth("api", postyard.primaryKey()).send().status()).isEqualTo(200);
    }

    @Test
    void theUnsubscribeLinkInTheBodyWorksInABrowser() throws Exception {
        String raw = rawAtSink(send("browser@inbox.example", Map.of()));
        String link = first(trackingUrls(raw), "u");

        ApiResponse page = postyard.api().get(link.substring(link.indexOf("/t/"))).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("unsubscribed");
        assertThat(events("event=unsubscribed&recipient=browser@inbox.example")).isNotEmpty();
    }

    @Test
    void forgedTokensAreRefusedAndRecordNothing() {
        assertThat(postyard.api().get("/t/c/eyJrIjoiYyJ9.AAAAAAAAAAAAAAAAAAAAAA").send().status()).isEqualTo(404);
        assertThat(postyard.api().get("/t/u/not-a-token").send().status()).isEqualTo(404);
        assertThat(postyard.api().get("/t/o/not-a-token").send().status()).isEqualTo(200);
        assertThat(events("event=clicked&recipient=nobody@inbox.example")).isEmpty();
    }

    @Test
    void perMessageTrackingOffLeavesLinksAlone() throws Exception {
        String raw = rawAtSink(send("private@inbox.example", Map.of("o:tracking", "no")));

        assertThat(trackingUrls(raw)).extracting(url -> url[0]).doesNotContain("o", "c");
        assertThat(raw).contains("https://shop.example/item");
    }

    @Test
    void aMessageToSeveralRecipientsGivesEachTheirOwnLinks() throws Exception {
        String id = send("one@inbox.example, two@inbox.example", Map.of());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> postyard.sink().messages().stream()
            .filter(message -> id.equals(messageId(message)))
            .count() == 2);
        List<String> unsubscribeHeaders = new ArrayList<>();
        for (MimeMessage message : postyard.sink().messages()) {
            if (id.equals(message.getMessageID())) {
                unsubscribeHeaders.add(message.getHeader("List-Unsubscribe", ","));
            }
        }
        assertThat(unsubscribeHeaders).doesNotHaveDuplicates().hasSize(2);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (javax.mail.MessagingException e) {
            return null;
        }
    }
}

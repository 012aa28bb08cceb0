package io.postyard.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.postyard.console.ConsoleSettings;
import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * The console in a real headless Chromium against a real server: sign in, create a domain and read its DNS records,
 * generate an OmyPost key and use it until it is revoked, add and remove a suppression, see the charts drawn, follow a
 * message's story, read received mail in the sandboxed viewer, and replay a dead webhook delivery.
 */
class ConsoleBrowserTest {
    private static final String PASSWORD = "console-operator-password-1";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(ConsoleSettings.PASSWORD, PASSWORD)
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .setting(Setting.WEBHOOK_SCHEDULE_SCALE, "0.0002")
        .build();

    private static HeadlessChromium browser;
    private static WebDriver driver;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void signIn() throws Exception {
        receiver = new WebhookReceiver();
        browser = new HeadlessChromium();
        driver = browser.driver();
        driver.get(url("/console"));
        assertThat(driver.getCurrentUrl()).endsWith("/console/login");
        browser.screenshot("login");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.urlContains("/console/overview"));
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
        receiver.close();
    }

    private static String url(String path) {
        return "http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + path;
    }

    private static void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    private static void createDomain(String name) {
        driver.get(url("/console/domains"));
        driver.findElement(By.id("domain-name")).sendKeys(name);
        driver.findElement(By.id("create-domain")).click();
        waitFor(ExpectedConditions.urlContains("/console/domains/" + name));
    }

    @Test
    void aDomainCreatedInTheConsoleShowsTheDnsRecordsToPublish() {
        createDomain("console.test");

        WebElement records = driver.findElement(By.id("dns-records"));
        assertThat(records.getText()).contains("MX").contains("SPF").contains("DKIM").contains("OWNERSHIP");
        assertThat(records.findElements(By.cssSelector("button.copy"))).hasSize(4);
        assertThat(records.findElements(By.cssSelector("button.copy")).get(0).getAttribute("data-copy")).isNotBlank();
        browser.screenshot("domain");

        driver.findElement(By.id("verify")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("checked");
        driver.get(url("/console/domains"));
        assertThat(driver.findElement(By.id("domains")).getText()).contains("console.test");
        browser.screenshot("domains");
    }

    @Test
    void anOmyPostKeyWithTwoPermissionsWorksUntilItIsRevokedAndItsSecretIsShownOnce() {
        driver.get(url("/console/keys"));
        new Select(driver.findElement(By.id("key-kind"))).selectByValue("omypost");
        driver.findElement(By.id("key-description")).sendKeys("From the console");
        driver.findElement(By.cssSelector("input[name=permission][data-kind=omypost][value='emails:read']")).click();
        driver.findElement(By.cssSelector("input[name=permission][data-kind=omypost][value='emails:write']")).click();
        driver.findElement(By.id("generate-key")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("new-secret")));
        String secret = driver.findElement(By.id("new-secret")).getText();
        browser.screenshot("keys");

        assertThat(postyard.api().get("/omypost/v1/emails").bearer(secret).send().status()).isEqualTo(200);
        driver.get(url("/console/keys"));
        assertThat(driver.getPageSource()).doesNotContain(secret);
        WebElement row = driver.findElements(By.cssSelector("#keys tr")).stream()
            .filter(candidate -> candidate.getText().contains("From the console")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("emails:read, emails:write").contains("…" + secret.substring(secret.length() - 4));
        assertThat(row.findElement(By.cssSelector("td.last-used")).getText()).startsWith("20");
        String keyId = row.getAttribute("data-key");
        row.findElement(By.cssSelector("button.revoke")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#keys tr[data-key='" + keyId + "']"), "revoked"));

        ApiResponse revoked = postyard.api().get("/omypost/v1/emails").bearer(secret).send();
        assertThat(revoked.status()).isEqualTo(401);
    }

    @Test
    void aSuppressionIsAddedAndRemoved() {
        createDomain("suppress.test");
        driver.get(url("/console/suppressions?domain=suppress.test&type=bounces"));
        driver.findElement(By.id("suppression-address")).sendKeys("gone@far.example");
        driver.findElement(By.id("add")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("suppressions"), "gone@far.example"));
        browser.screenshot("suppressions");
        assertThat(postyard.api().get("/mailgun/v3/suppress.test/bounces/gone@far.example").basicAuth("api", postyard.primaryKey())
            .send().status()).isEqualTo(200);

        driver.findElement(By.cssSelector("#suppressions button.remove")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("suppressions"), "gone@far.example")));
        assertThat(postyard.api().get("/mailgun/v3/suppress.test/bounces/gone@far.example").basicAuth("api", postyard.primaryKey())
            .send().status()).isEqualTo(404);
    }

    @Test
    void theOverviewCountsSentMailAndDrawsItsCharts() {
        createDomain("charts.test");
        ApiResponse sent = postyard.api().post("/mailgun/v3/charts.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "news@charts.test", "to", "reader@far.example", "subject", "Chart me", "text", "hello")).send();
        assertThat(sent.status()).isEqualTo(200);
        postyard.sink().awaitMessages(1, Duration.ofSeconds(30));

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> {
            driver.get(url("/console/overview"));
            return driver.findElement(By.cssSelector("#stats tr.total")).getText().matches("All domains [1-9].*");
        });
        waitFor(ExpectedConditions.attributeToBe(By.id("hourly"), "data-drawn", "true"));
        waitFor(ExpectedConditions.attributeToBe(By.id("daily"), "data-drawn", "true"));
        assertThat(driver.findElement(By.id("queues")).getText()).contains("spool");
        browser.screenshot("overview");
    }

    private static String sendThroughMailgun(String domain, String to, String subject) {
        ApiResponse sent = postyard.api().post("/mailgun/v3/" + domain + "/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "news@" + domain, "to", to, "subject", subject, "text", "hello")).send();
        assertThat(sent.status()).isEqualTo(200);
        return sent.json().get("id").asText();
    }

    @Test
    void aMessagesStoryShowsItAcceptedThenDeliveredWithTheServersAnswer() {
        createDomain("story.test");
        sendThroughMailgun("story.test", "reader@story-far.example", "Tell my story");

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> {
            driver.get(url("/console/events?domain=story.test&recipient=reader@story-far.example&event=delivered"));
            return driver.findElement(By.id("events")).getText().contains("delivered");
        });
        driver.findElement(By.cssSelector("#events a.story")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("story")));

        java.util.List<String> steps = driver.findElements(By.cssSelector("#story .step")).stream().map(WebElement::getText).toList();
        assertThat(steps).containsSubsequence("accepted", "delivered");
        assertThat(driver.findElement(By.id("story")).getText()).contains("250");
        browser.screenshot("story");
    }

    @Test
    void aReceivedMessageIsReadInTheViewerWithItsHtmlSandboxedAndItsRawSource() throws Exception {
        String key = postyard.createKey("omypost", "emails:read", "emails:write");
        String address = postyard.api().post("/omypost/v1/emails").bearer(key).json("{\"prefix\":\"viewer\",\"type\":\"permanent\"}").send()
            .json().get("email").asText();
        try (org.apache.james.utils.SMTPMessageSender smtp = org.apache.james.utils.SMTPMessageSender.noAuthentication(
                PostyardExtension.LOCALHOST, postyard.smtpPort(), "far.example")) {
            smtp.sendMessageWithHeaders("friend@far.example", address, "From: Friend <friend@far.example>\r\nTo: " + address
                + "\r\nSubject: Look at this\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=ALT\r\n\r\n"
                + "--ALT\r\nContent-Type: text/plain\r\n\r\nPlain words\r\n"
                + "--ALT\r\nContent-Type: text/html\r\n\r\n<html><body><h1 id=\"greeting\">Rich words</h1>"
                + "<img src=\"http://tracker.example/pixel.png\"><script>document.title='pwned'</script></body></html>\r\n--ALT--\r\n");
        }

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> {
            driver.get(url("/console/mailboxes"));
            driver.findElement(By.linkText(address)).click();
            return !driver.findElements(By.cssSelector("a.open-message")).isEmpty();
        });
        driver.findElement(By.cssSelector("a.open-message")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("raw")));

        WebElement frame = driver.findElement(By.id("html-view"));
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        assertThat(driver.findElement(By.id("raw")).getText()).contains("Subject: Look at this").contains("<h1 id=\"greeting\">");
        assertThat(driver.findElement(By.id("text-view")).getText()).contains("Plain words");
        browser.screenshot("message");
        driver.switchTo().frame(frame);
        try {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertThat(driver.findElement(By.id("greeting")).getText()).isEqualTo("Rich words");
            assertThat(driver.getTitle()).isNotEqualTo("pwned");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void aDeadWebhookDeliveryIsReplayedToItsReceiver() {
        createDomain("hooks.test");
        String path = "/hooks/delivered";
        receiver.respondAt(path, 500, 500, 500, 500, 500, 500, 500);
        ApiResponse configured = postyard.api().post("/mailgun/v3/domains/hooks.test/webhooks").basicAuth("api", postyard.primaryKey())
            .form(Map.of("id", "delivered", "url", receiver.url(path))).send();
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        sendThroughMailgun("hooks.test", "reader@hooks-far.example", "Hook me");
        receiver.awaitRequests(7, Duration.ofSeconds(60));

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> {
            driver.get(url("/console/webhooks"));
            return !driver.findElements(By.cssSelector("#deliveries button.replay")).isEmpty();
        });
        browser.screenshot("webhooks");
        driver.findElement(By.cssSelector("#deliveries button.replay")).click();

        receiver.awaitRequests(8, Duration.ofSeconds(30));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> {
            driver.get(url("/console/webhooks"));
            return driver.findElements(By.cssSelector("#deliveries td.status")).stream().anyMatch(cell -> cell.getText().equals("delivered"));
        });
    }

    @Test
    void delayedMailWaitsInTheSpoolUntilTheOperatorSendsItNow() {
        createDomain("queue.test");
        String inAnHour = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
            .plusHours(1));
        ApiResponse sent = postyard.api().post("/mailgun/v3/queue.test/messages").basicAuth("api", postyard.primaryKey())
            .form(Map.of("from", "news@queue.test", "to", "late@queue-far.example", "subject", "Held back", "text", "later",
                "o:deliverytime", inAnHour)).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);

        new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> {
            driver.get(url("/console/queues?queue=spool"));
            return driver.findElement(By.id("queued-mails")).getText().contains("Held back");
        });
        browser.screenshot("queues");
        driver.findElements(By.cssSelector("#queued-mails tr")).stream().filter(row -> row.getText().contains("Held back")).findFirst()
            .orElseThrow().findElement(By.cssSelector("a")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("raw")));
        assertThat(driver.findElement(By.id("headers")).getText()).contains("Held back");

        driver.get(url("/console/queues"));
        driver.findElements(By.cssSelector("#queue-sizes tr")).stream().filter(row -> row.getText().startsWith("spool")).findFirst()
            .orElseThrow().findElement(By.cssSelector("button.flush")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !postyard.sink().messagesTo("late@queue-far.example").isEmpty());
    }
}

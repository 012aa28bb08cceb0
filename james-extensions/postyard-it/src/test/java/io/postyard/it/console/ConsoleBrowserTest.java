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

/**
 * The console in a real headless Chromium against a real server: sign in, create a domain and read its DNS records,
 * generate an OmyPost key and use it until it is revoked, add and remove a suppression, and see the charts drawn.
 */
class ConsoleBrowserTest {
    private static final String PASSWORD = "console-operator-password-1";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(ConsoleSettings.PASSWORD, PASSWORD)
        .build();

    private static HeadlessChromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void signIn() {
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
        row.findElement(By.cssSelector("button.revoke")).click();
        waitFor(ExpectedConditions.urlMatches(".*/console/keys$"));

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
}

package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** Domain verification and address validation against a real DNS server the test controls. */
class MailgunVerificationAndAddressToolsTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withTestDns()
        .setting(Setting.HOSTNAME, "mx.postyard.test")
        .build();

    @BeforeAll
    static void publishDns() {
        postyard.dns()
            .addMx("mailbox.example", 10, "mx.mailbox.example")
            .addA("mx.mailbox.example", "192.0.2.10")
            .addA("web-only.example", "192.0.2.20")
            .addMx("gmail.com", 5, "gmail-smtp-in.l.google.com")
            .addMx("mailinator.com", 10, "mail.mailinator.com")
            .failOn("broken.example");
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static JsonNode create(String domain) {
        return primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", domain)).send().json();
    }

    private static String dkimName(JsonNode domain) {
        for (JsonNode record : domain.get("sending_dns_records")) {
            if (record.get("name").asText().contains("._domainkey.")) {
                return record.get("name").asText();
            }
        }
        throw new AssertionError("no DKIM record");
    }

    private static String dkimValue(JsonNode domain) {
        for (JsonNode record : domain.get("sending_dns_records")) {
            if (record.get("name").asText().contains("._domainkey.")) {
                return record.get("value").asText();
            }
        }
        throw new AssertionError("no DKIM record");
    }

    @Test
    void aDomainBecomesActiveOnceItsRecordsArePublished() {
        JsonNode created = create("verified.example");

        ApiResponse before = primary(postyard.api().put("/mailgun/v3/domains/verified.example/verify")).send();
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("domain").get("state").asText()).isEqualTo("unverified");

        postyard.dns()
            .addMx("verified.example", 10, "mx.postyard.test")
            .addTxt("verified.example", "v=spf1 a:mx.postyard.test ~all")
            .addTxt(dkimName(created), dkimValue(created));
        ApiResponse after = primary(postyard.api().put("/mailgun/v4/domains/verified.example/verify")).send();

        assertThat(after.json().get("domain").get("state").asText()).isEqualTo("active");
        assertThat(after.json().get("message").asText()).isEqualTo("Domain DNS records have been updated");
        assertThat(after.json().get("receiving_dns_records").get(0).get("valid").asBoolean()).isTrue();
        after.json().get("sending_dns_records").forEach(record -> assertThat(record.get("valid").asBoolean()).isTrue());
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/verified.example")).send().json().get("domain").get("state").asText())
            .isEqualTo("active");
    }

    @Test
    void aWrongDkimKeyOrForeignSpfKeepsTheDomainUnverified() {
        JsonNode created = create("wrong.example");
        postyard.dns()
            .addTxt("wrong.example", "v=spf1 include:_spf.someone-else.example ~all")
            .addTxt(dkimName(created), "k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwrong");

        JsonNode after = primary(postyard.api().put("/mailgun/v3/domains/wrong.example/verify")).send().json();

        assertThat(after.get("domain").get("state").asText()).isEqualTo("unverified");
        after.get("sending_dns_records").forEach(record -> assertThat(record.get("valid").asBoolean()).isFalse());
    }

    @Test
    void aDisabledDomainStaysDisabledWhenVerified() {
        JsonNode created = create("stays-off.example");
        postyard.dns()
            .addTxt("stays-off.example", "v=spf1 a:mx.postyard.test -all")
            .addTxt(dkimName(created), dkimValue(created));
        primary(postyard.api().call("PATCH", "/mailgun/v3/stays-off.example/disable")).send();

        JsonNode after = primary(postyard.api().put("/mailgun/v3/domains/stays-off.example/verify")).send().json();

        assertThat(after.get("domain").get("state").asText()).isEqualTo("disabled");
        assertThat(postyard.webAdmin().post("/postyard/domains/stays-off.example/enable").send().json().get("state").asText())
            .isEqualTo("active");
    }

    @Test
    void verifyingAnUnknownDomainIsNotFound() {
        assertThat(primary(postyard.api().put("/mailgun/v3/domains/unknown.example/verify")).send().status()).isEqualTo(404);
    }

    private static JsonNode validate(String path, String address) {
        ApiResponse response = primary(postyard.api().get(path + "?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8))).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aDeliverableAddressIsValidWithItsParts() {
        JsonNode result = validate("/mailgun/v3/address/private/validate", "test@mailbox.example");

        assertThat(result.get("address").asText()).isEqualTo("test@mailbox.example");
        assertThat(result.get("is_valid").asBoolean()).isTrue();
        assertThat(result.get("reason").asText()).isEqualTo("low_deliverability");
        assertThat(result.get("did_you_mean").isNull()).isTrue();
        assertThat(result.get("parts").get("local_part").asText()).isEqualTo("test");
        assertThat(result.get("parts").get("domain").asText()).isEqualTo("mailbox.example");
    }

    @Test
    void validationReportsEachReason() {
        assertThat(validate("/mailgun/v3/address/private/validate", "not an address").get("reason").asText()).isEqualTo("invalid_email");
        assertThat(validate("/mailgun/v3/address/private/validate", "someone@nowhere.example").get("reason").asText()).isEqualTo("invalid_domain");
        assertThat(validate("/mailgun/v3/address/private/validate", "someone@web-only.example").get("is_valid").asBoolean()).isTrue();
        assertThat(validate("/mailgun/v3/address/private/validate", "someone@broken.example").get("reason").asText()).isEqualTo("unexpected_error");
        JsonNode role = validate("/mailgun/v3/address/private/validate", "admin@mailbox.example");
        assertThat(role.get("is_role_address").asBoolean()).isTrue();
        assertThat(role.get("reason").asText()).isEqualTo("low_quality");
        JsonNode disposable = validate("/mailgun/v3/address/validate", "temp@mailinator.com");
        assertThat(disposable.get("is_disposable_address").asBoolean()).isTrue();
    }

    @Test
    void aCommonTypoGetsASuggestion() {
        assertThat(validate("/mailgun/v3/address/private/validate", "jane@gmial.com").get("did_you_mean").asText())
            .isEqualTo("jane@gmail.com");
    }

    @Test
    void theV4ShapeHasAResultAndARisk() {
        JsonNode good = validate("/mailgun/v4/address/validate", "test@mailbox.example");
        JsonNode bad = validate("/mailgun/v4/address/validate", "someone@nowhere.example");

        assertThat(good.get("result").asText()).isEqualTo("deliverable");
        assertThat(good.get("risk").asText()).isEqualTo("low");
        assertThat(good.get("reason").isArray()).isTrue();
        assertThat(bad.get("result").asText()).isEqualTo("undeliverable");
        assertThat(bad.get("reason").get(0).asText()).isEqualTo("invalid_domain");
    }

    @Test
    void validationWithoutAnAddressIs400() {
        ApiResponse response = primary(postyard.api().get("/mailgun/v3/address/private/validate")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("address");
    }

    @Test
    void parsingSplitsAListAsTheDocumentShows() {
        String list = "Alice <alice@example.com>, bob@example.com, \"Smith, John\" <john@example.com>, not an address";
        ApiResponse response = primary(postyard.api().get("/mailgun/v3/address/private/parse?addresses="
            + URLEncoder.encode(list, StandardCharsets.UTF_8))).send();

        JsonNode body = response.json();
        assertThat(body.get("parsed")).hasSize(3);
        JsonNode alice = body.get("parsed").get(0);
        assertThat(alice.get("name").asText()).isEqualTo("Alice");
        assertThat(alice.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(alice.get("localpart").asText()).isEqualTo("alice");
        assertThat(alice.get("domain").asText()).isEqualTo("example.com");
        assertThat(body.get("parsed").get(1).has("name")).isFalse();
        assertThat(body.get("parsed").get(2).get("name").asText()).isEqualTo("Smith, John");
        assertThat(body.get("unparseable")).extracting(JsonNode::asText).containsExactly("not an address");
    }

    @Test
    void parsingWithoutAddressesIs400() {
        assertThat(primary(postyard.api().get("/mailgun/v3/address/private/parse")).send().status()).isEqualTo(400);
    }
}

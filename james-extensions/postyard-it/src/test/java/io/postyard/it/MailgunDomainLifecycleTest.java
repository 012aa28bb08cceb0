package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** DKIM keys, the kill switch and its reversal, and the cleanup a deleted domain gets. */
class MailgunDomainLifecycleTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static JsonNode create(String name) {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", name)).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aNewDomainGetsItsOwnDkimKeyPublishedAsATxtRecord() {
        JsonNode first = create("dkim-one.test");
        JsonNode second = create("dkim-two.test");

        JsonNode dkim = dkimRecord(first);
        assertThat(dkim.get("name").asText()).matches("py\\d{6}\\._domainkey\\.dkim-one\\.test");
        assertThat(dkim.get("record_type").asText()).isEqualTo("TXT");
        assertThat(dkim.get("value").asText()).startsWith("k=rsa; p=MIIBIjAN");
        assertThat(dkim.get("valid").asBoolean()).isFalse();
        assertThat(dkimRecord(second).get("value").asText()).isNotEqualTo(dkim.get("value").asText());
        JsonNode spf = first.get("sending_dns_records").get(0);
        assertThat(spf.get("value").asText()).isEqualTo("v=spf1 a:" + postyard.settings().get(io.postyard.core.settings.Setting.HOSTNAME) + " ~all");
    }

    private static JsonNode dkimRecord(JsonNode domain) {
        for (JsonNode record : domain.get("sending_dns_records")) {
            if (record.get("name").asText().contains("._domainkey.")) {
                return record;
            }
        }
        throw new AssertionError("no DKIM record in " + domain);
    }

    @Test
    void theKillSwitchDisablesADomainUntilAnOperatorEnablesIt() {
        create("killed.test");

        ApiResponse disabled = primary(postyard.api().call("PATCH", "/mailgun/v3/killed.test/disable")).send();

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("domain").get("state").asText()).isEqualTo("disabled");
        assertThat(primary(postyard.api().get("/mailgun/v3/domains?state=disabled")).send().json().get("items"))
            .anySatisfy(item -> assertThat(item.get("name").asText()).isEqualTo("killed.test"));
        ApiResponse refused = primary(postyard.api().post("/mailgun/v3/killed.test/messages"))
            .form(Map.of("from", "a@killed.test", "to", "b@far.example", "subject", "x", "text", "x")).send();
        assertThat(refused.status()).isBetween(400, 499);
        JsonNode rejected = primary(postyard.api().get("/mailgun/v3/killed.test/events?event=rejected")).send().json().get("items").get(0);
        assertThat(rejected.get("reject").get("reason").asText()).contains("disabled");
        assertThat(rejected.get("log-level").asText()).isEqualTo("warn");

        ApiResponse enabled = postyard.webAdmin().post("/postyard/domains/killed.test/enable").send();
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("state").asText()).isEqualTo("unverified");
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/killed.test")).send().json().get("domain").get("state").asText())
            .isEqualTo("unverified");
    }

    @Test
    void onlyThePrimaryKeyCanPullTheKillSwitch() {
        create("guarded.test");
        String key = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"domain_sending\",\"domain\":\"guarded.test\"}")
            .send().json().get("secret").asText();

        assertThat(postyard.api().call("PATCH", "/mailgun/v3/guarded.test/disable").basicAuth("api", key).send().status()).isEqualTo(403);
        assertThat(primary(postyard.api().call("PATCH", "/mailgun/v3/nowhere.test/disable")).send().status()).isEqualTo(404);
        assertThat(postyard.webAdmin().post("/postyard/domains/nowhere.test/enable").send().status()).isEqualTo(404);
    }

    @Test
    void deletingADomainRemovesItsListsWebhooksAndLogins() {
        create("cleanup.test");
        primary(postyard.api().post("/mailgun/v3/cleanup.test/bounces")).form(Map.of("address", "b@example.com")).send();
        primary(postyard.api().post("/mailgun/v3/domains/cleanup.test/webhooks")).form(Map.of("id", "delivered", "url", "https://h.example/d")).send();
        primary(postyard.api().post("/mailgun/v3/domains/cleanup.test/credentials")).form(Map.of("login", "c", "password", "secret1")).send();

        primary(postyard.api().delete("/mailgun/v3/domains/cleanup.test")).send();
        create("cleanup.test");

        assertThat(primary(postyard.api().get("/mailgun/v3/cleanup.test/bounces")).send().json().get("items")).isEmpty();
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/cleanup.test/webhooks")).send().json().get("webhooks")).isEmpty();
        assertThat(primary(postyard.api().get("/mailgun/v3/domains/cleanup.test/credentials")).send().json().get("total_count").asInt()).isZero();
    }
}

package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.PostyardExtension;

/** {@code POSTYARD_TRUSTED_DOMAINS}: the domains the operator names are active without DNS verification; no other is. */
class TrustedDomainsTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().setting(Setting.TRUSTED_DOMAINS, "trusted.test, Again.test").build();

    @Test
    void aNewDomainIsActiveAtOnce() {
        var created = postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "trusted.test")).send();

        assertThat(created.json().get("domain").get("state").asText()).isEqualTo("active");
    }

    @Test
    void aDomainTheOperatorDidNotNameWaitsForItsDnsRecords() {
        var created = postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", "untrusted.test")).send();

        assertThat(created.json().get("domain").get("state").asText()).isEqualTo("unverified");
    }

    @Test
    void anEnabledDomainGoesBackToActive() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", "again.test")).send();
        postyard.api().call("PATCH", "/mailgun/v3/again.test/disable").basicAuth("api", postyard.primaryKey()).send();

        assertThat(postyard.webAdmin().post("/postyard/domains/again.test/enable").send().json().get("state").asText()).isEqualTo("active");
    }
}

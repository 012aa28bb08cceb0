package io.postyard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.MailDomain;

class DomainAdminRoutesTest {
    private static final Domain TRUSTED = Domain.of("trusted.test");

    private final DomainService domains = MemoryDomains.service(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC), TRUSTED);
    private TestWebAdmin webAdmin;

    @BeforeEach
    void startWebAdmin() {
        webAdmin = TestWebAdmin.serving(new DomainAdminRoutes(domains, new JsonTransformer()));
    }

    @AfterEach
    void stopWebAdmin() {
        webAdmin.destroy();
    }

    private void createDisabled(AccountId account, Domain name) {
        domains.create(account, name, false);
        domains.disable(account, name);
    }

    @Test
    void aDisabledDomainThatWasNeverVerifiedComesBackUnverified() {
        createDisabled(AccountId.DEFAULT, Domain.of("killed.test"));
        assertThat(webAdmin.get("/postyard/domains/killed.test").json().get("state").asText()).isEqualTo("disabled");

        TestWebAdmin.Reply enabled = webAdmin.post("/postyard/domains/killed.test/enable");

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().get("domain").asText()).isEqualTo("killed.test");
        assertThat(enabled.json().get("account").asText()).isEqualTo("default");
        // Not active: the kill switch must not become a way around DNS verification.
        assertThat(enabled.json().get("state").asText()).isEqualTo("unverified");
        assertThat(domains.find(Domain.of("killed.test"))).get().extracting(MailDomain::state).isEqualTo(DomainState.UNVERIFIED);
        assertThat(webAdmin.get("/postyard/domains/killed.test").json().get("state").asText()).isEqualTo("unverified");
    }

    @Test
    void aDisabledTrustedDomainComesBackActive() {
        createDisabled(AccountId.DEFAULT, TRUSTED);

        TestWebAdmin.Reply enabled = webAdmin.post("/postyard/domains/trusted.test/enable");

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("state").asText()).isEqualTo("active");
    }

    @Test
    void anOperatorEnablesADomainOfAnyAccountAndEnablingTwiceChangesNothing() {
        createDisabled(new AccountId("account-b"), Domain.of("other.test"));

        TestWebAdmin.Reply first = webAdmin.post("/postyard/domains/other.test/enable");
        TestWebAdmin.Reply second = webAdmin.post("/postyard/domains/other.test/enable");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("account").asText()).isEqualTo("account-b");
        assertThat(first.json().get("state").asText()).isEqualTo("unverified");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
    }

    @Test
    void aDomainNoAccountRegisteredIs404() {
        TestWebAdmin.Reply unknown = webAdmin.post("/postyard/domains/nowhere.test/enable");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("notFound");
        assertThat(unknown.json().get("message").asText()).isEqualTo("Domain nowhere.test is not a Postyard domain");
        assertThat(webAdmin.get("/postyard/domains/nowhere.test").status()).isEqualTo(404);
        // A name that cannot be a domain cannot be a Postyard domain either: the same 404, not a 400 or a 500.
        TestWebAdmin.Reply invalid = webAdmin.post("/postyard/domains/-bad.test/enable");
        assertThat(invalid.status()).isEqualTo(404);
        assertThat(invalid.json().get("message").asText()).isEqualTo("Domain -bad.test is not a Postyard domain");
    }
}

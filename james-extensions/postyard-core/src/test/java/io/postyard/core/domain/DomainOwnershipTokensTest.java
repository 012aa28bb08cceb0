package io.postyard.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

class DomainOwnershipTokensTest {
    private final DomainOwnershipTokens tokens = new DomainOwnershipTokens("server-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenIsStableForItsAccountAndDomain() {
        assertThat(tokens.record(new AccountId("a"), Domain.of("example.test")))
            .isEqualTo(tokens.record(new AccountId("a"), Domain.of("example.test")))
            .matches("postyard-verification=[0-9a-f]{32}");
    }

    @Test
    void anotherAccountOrDomainOrServerGetsAnotherToken() {
        String token = tokens.record(new AccountId("a"), Domain.of("example.test"));

        assertThat(tokens.record(new AccountId("b"), Domain.of("example.test"))).isNotEqualTo(token);
        assertThat(tokens.record(new AccountId("a"), Domain.of("other.test"))).isNotEqualTo(token);
        assertThat(new DomainOwnershipTokens("another secret".getBytes(StandardCharsets.UTF_8)).record(new AccountId("a"),
            Domain.of("example.test"))).isNotEqualTo(token);
    }
}

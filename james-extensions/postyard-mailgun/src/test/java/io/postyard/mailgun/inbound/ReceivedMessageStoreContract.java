package io.postyard.mailgun.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

public abstract class ReceivedMessageStoreContract {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final Domain DOMAIN = Domain.of("inbound.test");

    protected abstract ReceivedMessageStore store();

    private static ReceivedMessage message(String key, byte[] raw, Instant storedAt) {
        return new ReceivedMessage(key, new AccountId("acme"), DOMAIN, "support-42@inbound.test", "customer@far.example", raw,
            storedAt, storedAt.plus(Duration.ofDays(3)));
    }

    private static byte[] mime(String body) {
        return ("Subject: Help\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredMessageIsReadBackWholeByDomainAndKey() {
        store().put(message("key-1", mime("hello"), NOW));

        ReceivedMessage found = store().get(DOMAIN, "key-1", NOW.plusSeconds(60)).orElseThrow();

        assertThat(found.raw()).isEqualTo(mime("hello"));
        assertThat(found.account()).isEqualTo(new AccountId("acme"));
        assertThat(found.recipient()).isEqualTo("support-42@inbound.test");
        assertThat(found.sender()).isEqualTo("customer@far.example");
        assertThat(found.storedAt()).isEqualTo(NOW);
        assertThat(found.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void aKeyOfAnotherDomainFindsNothing() {
        store().put(message("key-2", mime("hello"), NOW));

        assertThat(store().get(Domain.of("other.test"), "key-2", NOW)).isEmpty();
        assertThat(store().get(DOMAIN, "missing", NOW)).isEmpty();
    }

    @Test
    void aMessageOfSeveralMegabytesKeepsEveryByte() {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);
        store().put(message("key-3", large, NOW));

        assertThat(store().get(DOMAIN, "key-3", NOW).orElseThrow().raw()).isEqualTo(large);
    }

    @Test
    void storingTheSameKeyAgainKeepsOneMessage() {
        store().put(message("key-4", mime("first"), NOW));
        store().put(message("key-4", mime("first"), NOW));

        assertThat(store().get(DOMAIN, "key-4", NOW).orElseThrow().raw()).isEqualTo(mime("first"));
        assertThat(store().delete(DOMAIN, "key-4")).isTrue();
        assertThat(store().get(DOMAIN, "key-4", NOW)).isEmpty();
        assertThat(store().delete(DOMAIN, "key-4")).isFalse();
    }

    @Test
    void anExpiredMessageIsNotFoundAndIsPurged() {
        Instant now = Instant.now();
        store().put(message("key-5", mime("old"), now.minus(Duration.ofDays(3)).minusSeconds(5)));
        store().put(message("key-6", mime("fresh"), now));

        assertThat(store().get(DOMAIN, "key-5", now)).isEmpty();
        store().deleteExpired(now);
        assertThat(store().get(DOMAIN, "key-6", now)).isPresent();
    }
}

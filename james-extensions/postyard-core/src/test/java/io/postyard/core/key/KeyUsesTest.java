package io.postyard.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

class KeyUsesTest {
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-08T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final KeyUseStore store = new MemoryKeyUseStore();
    private final KeyUses uses = new KeyUses(store, clock);
    private final ApiKey key = new ApiKey(ApiKeyId.random(), AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "test",
        KeyHash.of("secret-of-the-test"), "test", clock.instant(), Optional.empty());

    @Test
    void aKeyUsedManyTimesWithinAMinuteIsWrittenOnce() {
        uses.used(key);
        Instant first = clock.now;
        clock.now = clock.now.plusSeconds(30);
        uses.used(key);

        assertThat(uses.lastUses(List.of(key.id()))).containsEntry(key.id(), first);

        clock.now = clock.now.plus(Duration.ofSeconds(31));
        uses.used(key);
        assertThat(uses.lastUses(List.of(key.id()))).containsEntry(key.id(), clock.now);
    }
}

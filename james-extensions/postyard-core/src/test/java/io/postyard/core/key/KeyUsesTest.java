package io.postyard.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.time.SettableClock;

class KeyUsesTest {
    private final SettableClock clock = new SettableClock();
    private final KeyUseStore store = new MemoryKeyUseStore();
    private final KeyUses uses = new KeyUses(store, clock);
    private final ApiKey key = new ApiKey(ApiKeyId.random(), AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "test",
        KeyHash.of("secret-of-the-test"), "test", clock.instant(), Optional.empty());

    @Test
    void aKeyUsedManyTimesWithinAMinuteIsWrittenOnce() {
        uses.used(key);
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        uses.used(key);

        assertThat(uses.lastUses(List.of(key.id()))).containsEntry(key.id(), first);

        clock.advance(Duration.ofSeconds(31));
        uses.used(key);
        assertThat(uses.lastUses(List.of(key.id()))).containsEntry(key.id(), clock.instant());
    }
}

package io.postyard.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

public abstract class KeyUseStoreContract {
    private static final Instant NOON = Instant.parse("2026-12-08T12:00:00Z");

    protected abstract KeyUseStore store();

    @Test
    void theLatestUseOfEachKeyIsKept() {
        ApiKeyId first = ApiKeyId.random();
        ApiKeyId second = ApiKeyId.random();
        ApiKeyId unused = ApiKeyId.random();

        store().record(first, NOON);
        store().record(first, NOON.plusSeconds(60));
        store().record(second, NOON.plusSeconds(5));

        assertThat(store().lastUses(List.of(first, second, unused)))
            .containsEntry(first, NOON.plusSeconds(60))
            .containsEntry(second, NOON.plusSeconds(5))
            .doesNotContainKey(unused);
    }

    @Test
    void anOlderUseDoesNotReplaceANewerOne() {
        ApiKeyId key = ApiKeyId.random();

        store().record(key, NOON.plusSeconds(120));
        store().record(key, NOON);

        assertThat(store().lastUses(List.of(key))).containsEntry(key, NOON.plusSeconds(120));
        assertThat(store().lastUses(List.of())).isEmpty();
    }
}

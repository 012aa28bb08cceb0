package io.postyard.core.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

class MemoryIdempotencyStoreTest {
    private static final Instant NOW = Instant.parse("2026-02-24T10:00:00Z");
    private static final Instant DAY_AGO = NOW.minus(Duration.ofHours(24));
    private final MemoryIdempotencyStore store = new MemoryIdempotencyStore();

    private static IdempotencyRecord record(String key, String hash, Instant createdAt) {
        return new IdempotencyRecord(AccountId.DEFAULT, key, hash, createdAt, Optional.empty());
    }

    @Test
    void theFirstClaimStoresAndLaterOnesSeeIt() {
        assertThat(store.claim(record("k", "h1", NOW), DAY_AGO)).isEmpty();

        assertThat(store.claim(record("k", "h2", NOW), DAY_AGO)).hasValueSatisfying(holder -> assertThat(holder.requestHash()).isEqualTo("h1"));
        assertThat(store.claim(new IdempotencyRecord(new AccountId("other"), "k", "h2", NOW, Optional.empty()), DAY_AGO)).isEmpty();
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<IdempotencyRecord>>> claims = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                claims.add(pool.submit(() -> store.claim(record("race", "h", NOW), DAY_AGO)));
            }
            int winners = 0;
            for (Future<Optional<IdempotencyRecord>> claim : claims) {
                winners += claim.get().isEmpty() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyOlderThanTheLimitIsFreeAgainAndPurged() {
        store.claim(record("old", "h1", DAY_AGO.minusSeconds(1)), DAY_AGO);
        store.claim(record("young", "h1", NOW), DAY_AGO);

        assertThat(store.get(AccountId.DEFAULT, "old", DAY_AGO)).isEmpty();
        assertThat(store.claim(record("old", "h2", NOW), DAY_AGO)).isEmpty();
        assertThat(store.get(AccountId.DEFAULT, "old", DAY_AGO)).hasValueSatisfying(holder -> assertThat(holder.requestHash()).isEqualTo("h2"));
        store.claim(record("stale", "h", DAY_AGO.minusSeconds(10)), DAY_AGO.minusSeconds(20));
        assertThat(store.purgeCreatedBefore(DAY_AGO)).isEqualTo(1);
        assertThat(store.get(AccountId.DEFAULT, "young", DAY_AGO)).isPresent();
    }

    @Test
    void aCompletedKeyKeepsItsResponseAndAReleasedOneIsFree() {
        IdempotencyRecord claimed = record("k", "h", NOW);
        store.claim(claimed, DAY_AGO);
        store.complete(claimed.completed(new IdempotencyRecord.StoredResponse(200, "{\"ok\":true}")));

        assertThat(store.get(AccountId.DEFAULT, "k", DAY_AGO).flatMap(IdempotencyRecord::response))
            .contains(new IdempotencyRecord.StoredResponse(200, "{\"ok\":true}"));
        store.release(AccountId.DEFAULT, "k");
        assertThat(store.claim(record("k", "h3", NOW), DAY_AGO)).isEmpty();
    }
}

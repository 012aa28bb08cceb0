package io.postyard.openmail.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/**
 * What every {@link IdempotencyStore} does. Each test uses an account of its own; only the purge test makes records
 * created before {@code DAY_AGO}, so the purge's count is exact.
 */
public abstract class IdempotencyStoreContract {
    private static final Instant NOW = Instant.parse("2026-02-24T10:00:00Z");
    private static final Instant DAY_AGO = NOW.minus(Duration.ofHours(24));
    private static final IdempotencyRecord.StoredResponse OK = new IdempotencyRecord.StoredResponse(200, "{\"ok\":true}");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract IdempotencyStore store();

    private IdempotencyRecord record(String key, String hash, Instant createdAt) {
        return new IdempotencyRecord(account, key, hash, createdAt, Optional.empty());
    }

    @Test
    void theFirstClaimStoresAndLaterOnesSeeIt() {
        assertThat(store().claim(record("k", "h1", NOW), DAY_AGO)).isEmpty();

        assertThat(store().claim(record("k", "h2", NOW), DAY_AGO)).contains(record("k", "h1", NOW));
        assertThat(store().get(account, "k", DAY_AGO)).contains(record("k", "h1", NOW));
        assertThat(store().claim(new IdempotencyRecord(new AccountId("acct-" + UUID.randomUUID()), "k", "h2", NOW, Optional.empty()), DAY_AGO))
            .isEmpty();
    }

    /** How many of {@code claims} concurrent claims of the key, each with a request of its own, win it. */
    private int winnersAmong(int claims, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<IdempotencyRecord>>> results = new ArrayList<>();
            for (int i = 0; i < claims; i++) {
                String hash = "h" + i;
                results.add(pool.submit(() -> store().claim(record(key, hash, NOW), DAY_AGO)));
            }
            int winners = 0;
            for (Future<Optional<IdempotencyRecord>> result : results) {
                winners += result.get().isEmpty() ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        assertThat(winnersAmong(64, "race")).isEqualTo(1);
    }

    @Test
    void ofConcurrentClaimsOfAnExpiredKeyExactlyOneWins() throws Exception {
        store().claim(record("stale-race", "h", DAY_AGO.minusSeconds(1)), DAY_AGO);

        assertThat(winnersAmong(32, "stale-race")).isEqualTo(1);
    }

    @Test
    void aKeyOlderThanTheLimitIsFreeAgainAndPurged() {
        store().claim(record("old", "h1", DAY_AGO.minusSeconds(1)), DAY_AGO);
        store().claim(record("young", "h1", NOW), DAY_AGO);

        assertThat(store().get(account, "old", DAY_AGO)).isEmpty();
        assertThat(store().claim(record("old", "h2", NOW), DAY_AGO)).isEmpty();
        assertThat(store().get(account, "old", DAY_AGO)).hasValueSatisfying(holder -> assertThat(holder.requestHash()).isEqualTo("h2"));
        store().claim(record("stale", "h", DAY_AGO.minusSeconds(10)), DAY_AGO.minusSeconds(20));
        assertThat(store().purgeCreatedBefore(DAY_AGO)).isEqualTo(1);
        assertThat(store().get(account, "stale", DAY_AGO.minusSeconds(20))).isEmpty();
        assertThat(store().get(account, "young", DAY_AGO)).isPresent();
        assertThat(store().purgeCreatedBefore(DAY_AGO)).isZero();
    }

    @Test
    void aCompletedKeyKeepsItsResponseAndAReleasedOneIsFree() {
        IdempotencyRecord claimed = record("k", "h", NOW);
        store().claim(claimed, DAY_AGO);
        store().complete(claimed.completed(OK));

        assertThat(store().get(account, "k", DAY_AGO)).contains(claimed.completed(OK));
        assertThat(store().claim(record("k", "h", NOW), DAY_AGO)).contains(claimed.completed(OK));
        store().release(account, "k");
        assertThat(store().get(account, "k", DAY_AGO)).isEmpty();
        assertThat(store().claim(record("k", "h3", NOW), DAY_AGO)).isEmpty();
    }

    @Test
    void aCompletionForAKeyNoLongerHeldChangesNothing() {
        IdempotencyRecord expired = record("k", "h1", DAY_AGO.minusSeconds(60));
        store().claim(expired, DAY_AGO);
        IdempotencyRecord current = record("k", "h2", NOW);
        store().claim(current, DAY_AGO);

        store().complete(expired.completed(OK));
        assertThat(store().get(account, "k", DAY_AGO)).contains(current);

        IdempotencyRecord released = record("gone", "h", NOW);
        store().claim(released, DAY_AGO);
        store().release(account, "gone");
        store().complete(released.completed(OK));
        assertThat(store().get(account, "gone", DAY_AGO)).isEmpty();
    }
}

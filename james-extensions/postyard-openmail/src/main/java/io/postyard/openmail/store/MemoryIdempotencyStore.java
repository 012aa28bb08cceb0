package io.postyard.openmail.store;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.postyard.core.account.AccountId;

public class MemoryIdempotencyStore implements IdempotencyStore {
    private record Key(AccountId account, String key) {
    }

    private final ConcurrentHashMap<Key, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant expiredBefore) {
        IdempotencyRecord[] holder = new IdempotencyRecord[1];
        records.compute(new Key(record.account(), record.key()), (key, existing) -> {
            if (existing != null && !existing.isExpiredAt(expiredBefore)) {
                holder[0] = existing;
                return existing;
            }
            return record;
        });
        return Optional.ofNullable(holder[0]);
    }

    @Override
    public Optional<IdempotencyRecord> get(AccountId account, String key, Instant expiredBefore) {
        return Optional.ofNullable(records.get(new Key(account, key))).filter(record -> !record.isExpiredAt(expiredBefore));
    }

    @Override
    public void complete(IdempotencyRecord completed) {
        records.computeIfPresent(new Key(completed.account(), completed.key()), (key, existing) ->
            existing.createdAt().equals(completed.createdAt()) && existing.requestHash().equals(completed.requestHash()) ? completed : existing);
    }

    @Override
    public void release(AccountId account, String key) {
        records.remove(new Key(account, key));
    }

    @Override
    public int purgeCreatedBefore(Instant before) {
        int[] purged = new int[1];
        records.values().removeIf(record -> {
            boolean expired = record.isExpiredAt(before);
            if (expired) {
                purged[0]++;
            }
            return expired;
        });
        return purged[0];
    }
}

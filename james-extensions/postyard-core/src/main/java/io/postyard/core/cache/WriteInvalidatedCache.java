package io.postyard.core.cache;

import java.util.concurrent.atomic.AtomicLong;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import reactor.core.publisher.Mono;

/**
 * Answers read from a store that only this process writes (the single-node SQL profiles), kept until a write through
 * this process forgets them. Mail routing asks the same few questions (is this domain ours, what is this quota root's
 * limit) several times per message; each answer costs a database round trip and changes only when someone writes.
 *
 * <p>A load that overlaps a write is not kept: every write moves a generation on before it forgets, and a loaded answer
 * is dropped again when the generation moved while it was being read, so no reader sees an answer older than the
 * last write that completed before it asked.
 */
public final class WriteInvalidatedCache<K, V> {
    private final Cache<K, V> answers;
    private final AtomicLong generation = new AtomicLong();

    public WriteInvalidatedCache(long maximumSize) {
        this.answers = CacheBuilder.newBuilder().maximumSize(maximumSize).build();
    }

    /** The known answer, else {@code load}'s, kept unless a write overlapped it. {@code load} must not answer null. */
    public <E extends Exception> V get(K key, Load<V, E> load) throws E {
        V known = answers.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        V loaded = load.load();
        keep(key, loaded, before);
        return loaded;
    }

    /** As {@link #get(Object, Load)}, for a store that answers with a Mono (empty answers are not kept). */
    public Mono<V> get(K key, Mono<V> load) {
        return Mono.defer(() -> {
            V known = answers.getIfPresent(key);
            if (known != null) {
                return Mono.just(known);
            }
            long before = generation.get();
            return load.doOnNext(loaded -> keep(key, loaded, before));
        });
    }

    private void keep(K key, V loaded, long generationBeforeLoad) {
        if (generation.get() != generationBeforeLoad) {
            return;
        }
        answers.put(key, loaded);
        if (generation.get() != generationBeforeLoad) {
            // A write completed between the check and the put: what was put may predate it.
            answers.invalidate(key);
        }
    }

    /** Call after a write of {@code key} completed. */
    public void forget(K key) {
        generation.incrementAndGet();
        answers.invalidate(key);
    }

    /** Call after a write that may change any answer completed. */
    public void forgetAll() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    /**
     * The write, forgetting {@code key} when it ends, before its subscriber hears how it ended: with doFinally, which
     * runs after, a caller could read the old answer right after the write.
     */
    public <T> Mono<T> writing(K key, Mono<T> write) {
        return write.doOnTerminate(() -> forget(key)).doOnCancel(() -> forget(key));
    }

    /** As {@link #writing}, for a write that may change any answer. */
    public <T> Mono<T> writingAny(Mono<T> write) {
        return write.doOnTerminate(this::forgetAll).doOnCancel(this::forgetAll);
    }

    /** How a store answers, with the checked exception it may throw. */
    @FunctionalInterface
    public interface Load<V, E extends Exception> {
        V load() throws E;
    }
}

package io.postyard.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class WriteInvalidatedCacheTest {
    private final WriteInvalidatedCache<String, String> cache = new WriteInvalidatedCache<>(10);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "@" + loads.incrementAndGet();
    }

    @Test
    void anAnswerIsLoadedOnceUntilItsKeyIsForgotten() {
        assertThat(cache.get("a", () -> load("a"))).isEqualTo("a@1");
        assertThat(cache.get("a", () -> load("a"))).isEqualTo("a@1");

        cache.forget("a");

        assertThat(cache.get("a", () -> load("a"))).isEqualTo("a@2");
    }

    @Test
    void forgettingOneKeyKeepsTheOthers() {
        cache.get("a", () -> load("a"));
        cache.get("b", () -> load("b"));

        cache.forget("a");

        assertThat(cache.get("b", () -> load("b"))).isEqualTo("b@2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void forgettingAllReloadsEveryKey() {
        cache.get("a", () -> load("a"));
        cache.get("b", () -> load("b"));

        cache.forgetAll();

        assertThat(cache.get("a", () -> load("a"))).isEqualTo("a@3");
        assertThat(cache.get("b", () -> load("b"))).isEqualTo("b@4");
    }

    @Test
    void anAnswerLoadedWhileAWriteCompletedIsNotKept() {
        String overlapped = cache.get("a", () -> {
            String before = load("a");
            cache.forget("a");
            return before;
        });

        assertThat(overlapped).isEqualTo("a@1");
        assertThat(cache.get("a", () -> load("a"))).isEqualTo("a@2");
    }

    @Test
    void aReactiveAnswerIsKeptLikeASynchronousOne() {
        assertThat(cache.get("a", Mono.fromSupplier(() -> load("a"))).block()).isEqualTo("a@1");
        assertThat(cache.get("a", Mono.fromSupplier(() -> load("a"))).block()).isEqualTo("a@1");

        cache.forgetAll();

        assertThat(cache.get("a", Mono.fromSupplier(() -> load("a"))).block()).isEqualTo("a@2");
    }

    @Test
    void anEmptyReactiveAnswerIsNotKept() {
        assertThat(cache.get("a", Mono.<String>empty()).blockOptional()).isEmpty();

        assertThat(cache.get("a", Mono.fromSupplier(() -> load("a"))).block()).isEqualTo("a@1");
    }

    /** A write on another thread: the subscriber blocked on it must not read before the answer is forgotten. */
    @Test
    void aReactiveWriteForgetsBeforeItsSubscriberHearsThatItEnded() {
        for (int i = 0; i < 200; i++) {
            cache.get("a", () -> "old");

            cache.writing("a", Mono.fromRunnable(() -> { }).subscribeOn(Schedulers.parallel()).then()).block();

            assertThat(cache.get("a", () -> "new")).isEqualTo("new");
        }
    }

    @Test
    void aReactiveWriteOfAnyForgetsEveryAnswer() {
        cache.get("a", () -> "old");
        cache.get("b", () -> "old");

        cache.writingAny(Mono.error(new IllegalStateException("the write failed"))).onErrorResume(e -> Mono.empty()).block();

        assertThat(cache.get("a", () -> "new")).isEqualTo("new");
        assertThat(cache.get("b", () -> "new")).isEqualTo("new");
    }
}

package io.postyard.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

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
}

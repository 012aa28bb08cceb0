package io.postyard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final RateLimiter limiter = new RateLimiter();

    @Test
    void aKeyGetsItsLimitThenIsRefused() {
        assertThat(limiter.consume("api", "k1", 2, Duration.ofMinutes(1)).remaining()).isEqualTo(1);
        assertThat(limiter.consume("api", "k1", 2, Duration.ofMinutes(1)).allowed()).isTrue();

        RateLimit refused = limiter.consume("api", "k1", 2, Duration.ofMinutes(1));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.secondsUntilRetry()).isBetween(1L, 60L);
    }

    @Test
    void keysAndBudgetsAreIndependent() {
        limiter.consume("api", "k1", 1, Duration.ofMinutes(1));

        assertThat(limiter.consume("api", "k2", 1, Duration.ofMinutes(1)).allowed()).isTrue();
        assertThat(limiter.consume("send", "k1", 1, Duration.ofMinutes(1)).allowed()).isTrue();
    }
}

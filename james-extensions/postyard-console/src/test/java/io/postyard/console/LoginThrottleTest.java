package io.postyard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.postyard.core.time.SettableClock;

class LoginThrottleTest {
    private final SettableClock clock = new SettableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void anAddressIsLockedAfterTheAllowedFailuresUntilTheWindowPassesSinceTheLast() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.isLocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");

        assertThat(throttle.isLocked("10.0.0.1")).isTrue();
        assertThat(throttle.isLocked("10.0.0.2")).isFalse();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isLocked("10.0.0.1")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isLocked("10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        throttle.failed("10.0.0.3");
        throttle.failed("10.0.0.3");
        throttle.succeeded("10.0.0.3");
        throttle.failed("10.0.0.3");

        assertThat(throttle.isLocked("10.0.0.3")).isFalse();
    }
}

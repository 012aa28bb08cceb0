package io.postyard.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one request costs a key: a request from the budget {@code name}, which allows {@code limit} a {@code window}.
 * A smooth budget refills continuously (a token bucket); a fixed one comes back whole when its window ends, for APIs
 * that report what was used and an absolute reset time (Temp Mail).
 */
public record KeyBudget(String name, long limit, Duration window, boolean fixedWindow) {
    public KeyBudget {
        Objects.requireNonNull(name);
        Objects.requireNonNull(window);
    }

    public static KeyBudget perMinute(String name, long limit) {
        return new KeyBudget(name, limit, Duration.ofMinutes(1), false);
    }
}

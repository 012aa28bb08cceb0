package io.postyard.http;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.postyard.core.key.KeyKind;
import spark.Request;

/**
 * How one provider authenticates its API keys: where the key comes from, which kinds it accepts, what a request
 * costs, how the budget is reported and how refusals are worded.
 */
public record KeyPolicy(KeySource source, Set<KeyKind> kinds, Function<Request, KeyBudget> budget, RateLimitHeaders headers,
                        KeyRefusals refusals) {
    public KeyPolicy {
        Objects.requireNonNull(source);
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(budget);
        Objects.requireNonNull(headers);
        Objects.requireNonNull(refusals);
    }
}

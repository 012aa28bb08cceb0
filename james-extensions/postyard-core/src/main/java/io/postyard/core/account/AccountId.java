package io.postyard.core.account;

import java.util.Objects;

public record AccountId(String value) {
    /** The built-in account every key and domain belongs to until multi-account management lands. */
    public static final AccountId DEFAULT = new AccountId("default");

    public AccountId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("An account id cannot be blank");
        }
    }
}

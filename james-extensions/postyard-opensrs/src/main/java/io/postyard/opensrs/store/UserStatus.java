package io.postyard.opensrs.store;

import java.util.Locale;
import java.util.Optional;

/** An active user logs in and receives mail; a suspended one receives mail but cannot log in. */
public enum UserStatus {
    ACTIVE, SUSPENDED;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UserStatus> parse(String value) {
        for (UserStatus status : values()) {
            if (status.asString().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

package io.postyard.console;

import java.time.Instant;
import java.util.Objects;

import io.postyard.core.account.AccountId;

/**
 * A signed-in operator: the account the console acts for, the token every form must carry (CSRF), and when the
 * session was last used. The id is the cookie's value and is never shown anywhere else.
 */
public record ConsoleSession(String id, AccountId account, String csrfToken, Instant lastSeenAt) {
    public ConsoleSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        Objects.requireNonNull(csrfToken);
        Objects.requireNonNull(lastSeenAt);
    }

    ConsoleSession seenAt(Instant at) {
        return new ConsoleSession(id, account, csrfToken, at);
    }
}

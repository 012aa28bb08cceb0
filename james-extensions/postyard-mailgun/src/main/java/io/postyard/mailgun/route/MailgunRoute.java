package io.postyard.mailgun.route;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.postyard.core.account.AccountId;

/**
 * A route of an account: routes are account-wide, as Mailgun's, and evaluated by priority (smaller first), then by
 * creation. The expression and actions are kept as the user wrote them and were checked when they were saved.
 */
public record MailgunRoute(String id, AccountId account, int priority, String description, String expression,
                           List<String> actions, Instant createdAt) {
    public static final Comparator<MailgunRoute> EVALUATION_ORDER = Comparator.comparingInt(MailgunRoute::priority)
        .thenComparing(MailgunRoute::createdAt)
        .thenComparing(MailgunRoute::id);

    public MailgunRoute {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        Objects.requireNonNull(description);
        Objects.requireNonNull(expression);
        actions = List.copyOf(actions);
        Objects.requireNonNull(createdAt);
    }
}

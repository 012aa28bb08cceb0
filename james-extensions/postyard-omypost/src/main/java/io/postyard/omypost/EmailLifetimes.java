package io.postyard.omypost;

import java.time.Instant;
import java.util.Optional;

import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.Lifetime;
import io.postyard.http.ApiException;
import io.postyard.http.JsonBody;

/**
 * The {@code type} and {@code expiry_date} of an email account, checked the same way when it is created and when it is
 * changed: a temporary account has an expiry in the future, a permanent one has none.
 */
final class EmailLifetimes {
    // Four-digit years, as ISO 8601 writes them; far later instants do not fit the stores' epoch milliseconds.
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** A new account's expiry, empty for a permanent one; permanent is the default type. */
    static Optional<Instant> ofNew(JsonBody body, Instant now) {
        Lifetime lifetime = type(body).orElse(Lifetime.PERMANENT);
        Optional<Instant> expiry = expiryDate(body);
        if (lifetime == Lifetime.TEMPORARY && expiry.isEmpty()) {
            throw missingExpiry();
        }
        if (lifetime == Lifetime.PERMANENT && expiry.isPresent()) {
            throw JsonBody.invalid("expiry_date", "Permanent emails do not expire", "Only temporary emails take an expiry date");
        }
        expiry.ifPresent(value -> checkAhead(value, now));
        return expiry;
    }

    /**
     * An account's expiry once changed as the body says: the type it names, else the account's own; the expiry it
     * names, else, for an account staying temporary, the one it has. An account past its expiry is being removed and
     * no longer changes, so that a change cannot race the expiry job.
     */
    static Optional<Instant> ofChange(JsonBody body, HostedMailbox account, Instant now) {
        if (account.isExpiredAt(now)) {
            throw JsonBody.invalid("expiry_date", "Email has expired", "An expired email is being removed and cannot be changed");
        }
        Optional<Lifetime> type = type(body);
        Optional<Instant> expiry = expiryDate(body);
        if (type.orElse(account.lifetime()) == Lifetime.PERMANENT) {
            if (expiry.isPresent()) {
                throw JsonBody.invalid("expiry_date", "Permanent emails do not expire", type.isPresent()
                    ? "Only temporary emails take an expiry date"
                    : "Only temporary emails take an expiry date: send \"type\": \"temporary\" with it");
            }
            return Optional.empty();
        }
        expiry.ifPresent(value -> checkAhead(value, now));
        return Optional.of(expiry.or(account::expiresAt).orElseThrow(EmailLifetimes::missingExpiry));
    }

    private static Optional<Lifetime> type(JsonBody body) {
        return body.string("type").map(value -> Lifetime.parse(value).orElseThrow(() ->
            JsonBody.invalid("type", "Invalid email type", "Must be permanent or temporary")));
    }

    private static Optional<Instant> expiryDate(JsonBody body) {
        return body.string("expiry_date").map(value -> OmyPostTimes.parse(value).orElseThrow(() ->
            JsonBody.invalid("expiry_date", "Invalid expiry date", "Must be an ISO 8601 date or date-time")));
    }

    private static void checkAhead(Instant expiry, Instant now) {
        if (!expiry.isAfter(now)) {
            throw JsonBody.invalid("expiry_date", "Expiry date is in the past", "Must be in the future");
        }
        if (expiry.isAfter(LATEST)) {
            throw JsonBody.invalid("expiry_date", "Expiry date is too far ahead", "Must be before the year 10000");
        }
    }

    private static ApiException missingExpiry() {
        return JsonBody.invalid("expiry_date", "Missing required parameter 'expiry_date'", "Required for temporary emails");
    }

    private EmailLifetimes() {
    }
}

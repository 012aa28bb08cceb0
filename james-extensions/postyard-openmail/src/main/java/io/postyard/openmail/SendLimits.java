package io.postyard.openmail;

import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.RateLimit;
import io.postyard.http.RateLimiter;
import io.postyard.openmail.store.OpenmailInbox;

/**
 * Sends per inbox, per minute and per day ({@code POSTYARD_OPENMAIL_SEND_LIMIT_PER_MINUTE}, {@code ..._PER_DAY}),
 * each a Bucket4j budget refilled continuously. The minute is charged first: a send the day refuses then costs only
 * a minute's token, which the exhausted day makes moot.
 */
class SendLimits {
    private final RateLimiter rateLimiter;
    private final long perMinute;
    private final long perDay;

    @Inject
    SendLimits(RateLimiter rateLimiter, PostyardSettings settings) {
        this.rateLimiter = rateLimiter;
        this.perMinute = settings.getLong(OpenmailSettings.SEND_LIMIT_PER_MINUTE);
        this.perDay = settings.getLong(OpenmailSettings.SEND_LIMIT_PER_DAY);
    }

    void charge(OpenmailInbox inbox) {
        check(rateLimiter.consume("openmail-send-minute", inbox.id(), perMinute, Duration.ofMinutes(1)), perMinute + " a minute");
        check(rateLimiter.consume("openmail-send-day", inbox.id(), perDay, Duration.ofDays(1)), perDay + " a day");
    }

    private static void check(RateLimit limit, String allowance) {
        if (!limit.allowed()) {
            throw OpenmailErrors.rateLimitExceeded("This inbox may send at most " + allowance + "; retry in "
                + limit.secondsUntilRetry() + " seconds", limit.secondsUntilRetry());
        }
    }
}

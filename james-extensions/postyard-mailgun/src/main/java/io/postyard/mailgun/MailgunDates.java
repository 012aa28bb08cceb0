package io.postyard.mailgun;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.postyard.http.ApiException;

/**
 * The two date shapes the document uses (RFC 2822 with a two-digit day, and a plain timestamp for credentials) and
 * the {@code duration} of stats and analytics queries.
 */
final class MailgunDates {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
        .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
        .withZone(ZoneOffset.UTC);
    /** Mailing lists' shape: the zone as a number, as Mailgun writes it there and its Java client reads it. */
    private static final DateTimeFormatter RFC_2822_NUMERIC_ZONE = DateTimeFormatter
        .ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.US)
        .withZone(ZoneOffset.UTC);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})([hdm])");
    private static final DateTimeFormatter PLAIN = DateTimeFormatter
        .ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US)
        .withZone(ZoneOffset.UTC);

    static String rfc2822(Instant instant) {
        return RFC_2822.format(instant);
    }

    static String rfc2822NumericZone(Instant instant) {
        return RFC_2822_NUMERIC_ZONE.format(instant);
    }

    static String plain(Instant instant) {
        return PLAIN.format(instant);
    }

    /** Mailgun's {@code duration}: a count and a unit, {@code 24h}, {@code 7d}, {@code 1m} (m is a month of 30 days). */
    static Duration duration(String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw ApiException.validation("'duration' must be a number followed by h, d or m", Map.of("field", "duration"));
        }
        int count = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2)) {
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            default -> Duration.ofDays(30L * count);
        };
    }

    private MailgunDates() {
    }
}

package io.postyard.mailgun;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two date shapes the document uses: RFC 2822 with a two-digit day, and a plain timestamp for credentials. */
final class MailgunDates {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
        .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN = DateTimeFormatter
        .ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US)
        .withZone(ZoneOffset.UTC);

    static String rfc2822(Instant instant) {
        return RFC_2822.format(instant);
    }

    static String plain(Instant instant) {
        return PLAIN.format(instant);
    }

    private MailgunDates() {
    }
}

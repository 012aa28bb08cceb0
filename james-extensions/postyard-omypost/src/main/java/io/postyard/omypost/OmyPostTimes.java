package io.postyard.omypost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Times as OmyPost writes them ({@code 2025-03-15T10:30:00Z}) and reads them (ISO 8601). */
final class OmyPostTimes {
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * An ISO 8601 date-time (with an offset, or UTC without one) or a date alone, which means the end of that day in
     * UTC: {@code 2025-12-31} keeps the address through the 31st.
     */
    static Optional<Instant> parse(String value) {
        String trimmed = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(trimmed).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    private OmyPostTimes() {
    }
}

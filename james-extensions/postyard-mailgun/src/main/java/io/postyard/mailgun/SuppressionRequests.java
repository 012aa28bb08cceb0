package io.postyard.mailgun;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.core.suppression.WhitelistKind;
import io.postyard.http.ApiException;

/**
 * Turns the fields of one add request (form, JSON object, JSON array element or CSV row) into a suppression entry,
 * naming the field when one is missing or wrong.
 */
final class SuppressionRequests {
    static final String DEFAULT_BOUNCE_CODE = "550";
    private static final int MAX_TEXT = 1024;
    private static final int MAX_TAGS = 100;

    /**
     * {@code values} gives every value of a field: a JSON array ({@code "tags": ["a", "b"]}) and a repeated form
     * field arrive as several values.
     */
    static Suppression parse(Domain domain, SuppressionType type, Function<String, List<String>> values, Clock clock) {
        Function<String, Optional<String>> field = name -> values.apply(name).stream().findFirst();
        Instant createdAt = field.apply("created_at").filter(value -> !value.isBlank())
            .map(SuppressionRequests::parseDate)
            .orElseGet(clock::instant);
        if (type == SuppressionType.WHITELISTS) {
            return whitelist(domain, field, createdAt);
        }
        String address = address(field.apply("address"), "address");
        Optional<String> code = type == SuppressionType.BOUNCES
            ? Optional.of(text(field.apply("code"), "code").filter(value -> !value.isBlank()).orElse(DEFAULT_BOUNCE_CODE))
            : Optional.empty();
        Optional<String> reason = text(field.apply("error"), "error").filter(value -> !value.isBlank());
        List<String> tags = type == SuppressionType.UNSUBSCRIBES ? unsubscribeTags(values) : List.of();
        return new Suppression(domain, type, address, code, reason, tags, Optional.empty(), createdAt);
    }

    /** Mailgun documents {@code tag} on the form and {@code tags} in JSON; no tag means every tag. */
    private static List<String> unsubscribeTags(Function<String, List<String>> values) {
        List<String> tags = Stream.concat(values.apply("tag").stream(), values.apply("tags").stream())
            .map(value -> text(Optional.of(value), "tag").orElseThrow())
            .filter(value -> !value.isBlank())
            .distinct()
            .toList();
        if (tags.size() > MAX_TAGS) {
            throw ApiException.validation("At most " + MAX_TAGS + " tags per address", Map.of("field", "tags"));
        }
        return tags.isEmpty() || tags.contains(Suppression.ALL_TAGS) ? List.of(Suppression.ALL_TAGS) : tags;
    }

    private static Suppression whitelist(Domain domain, Function<String, Optional<String>> field, Instant createdAt) {
        Optional<String> address = field.apply("address").filter(value -> !value.isBlank());
        Optional<String> whitelistedDomain = field.apply("domain").filter(value -> !value.isBlank());
        Optional<String> reason = text(field.apply("reason"), "reason").filter(value -> !value.isBlank());
        if (address.isPresent()) {
            return new Suppression(domain, SuppressionType.WHITELISTS, address(address, "address"), Optional.empty(),
                reason, List.of(), Optional.of(WhitelistKind.ADDRESS), createdAt);
        }
        if (whitelistedDomain.isPresent()) {
            String name = MailgunDomainNames.parse(whitelistedDomain.get(), "domain").asString();
            return new Suppression(domain, SuppressionType.WHITELISTS, name, Optional.empty(), reason, List.of(),
                Optional.of(WhitelistKind.DOMAIN), createdAt);
        }
        throw ApiException.validation("Missing parameter 'address' (or 'domain')", Map.of("field", "address"));
    }

    static String address(Optional<String> raw, String fieldName) {
        String value = raw.filter(candidate -> !candidate.isBlank())
            .orElseThrow(() -> ApiException.validation("Missing parameter '" + fieldName + "'", Map.of("field", fieldName)));
        if (value.chars().anyMatch(Character::isISOControl) || value.length() > 320) {
            throw invalidAddress(fieldName);
        }
        try {
            return new MailAddress(value.trim()).asString();
        } catch (Exception e) {
            throw invalidAddress(fieldName);
        }
    }

    private static ApiException invalidAddress(String fieldName) {
        return ApiException.validation("'" + fieldName + "' is not a valid email address", Map.of("field", fieldName));
    }

    private static Optional<String> text(Optional<String> raw, String fieldName) {
        raw.ifPresent(value -> {
            if (value.length() > MAX_TEXT || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                throw ApiException.validation("Parameter '" + fieldName + "' must be at most " + MAX_TEXT
                    + " characters without control characters", Map.of("field", fieldName));
            }
        });
        return raw.map(String::trim);
    }

    /** RFC 2822 (with a one- or two-digit day, as the SDKs send) or seconds since the epoch. */
    static Instant parseDate(String value) {
        String trimmed = value.trim();
        try {
            if (trimmed.matches("\\d{1,12}(\\.\\d+)?")) {
                return Instant.ofEpochSecond((long) Double.parseDouble(trimmed));
            }
            return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US)).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.validation("'created_at' must be an RFC 2822 date or a UNIX timestamp",
                Map.of("field", "created_at"));
        }
    }

    private SuppressionRequests() {
    }
}

package io.postyard.mailgun;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.postyard.core.sending.UserVariablesHeader;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;

/**
 * The {@code o:}, {@code h:}, {@code v:} and {@code t:} parameters of a send, checked: at most 16 KB together, no
 * CR or LF in a header, no header the server sets itself (as Mailgun reserves {@code List-Unsubscribe},
 * {@code Precedence} and {@code Feedback-ID}) nor {@code From} ({@code from} says it, and is checked), known yes/no
 * values. {@code h:Message-Id} becomes the message's id, as with Mailgun.
 */
record SendOptions(List<String> tags,
                   Map<String, String> headers,
                   Optional<String> messageId,
                   Map<String, String> variables,
                   boolean testMode,
                   Optional<Boolean> tracking,
                   Optional<Boolean> trackOpens,
                   Optional<String> trackClicks,
                   Optional<Boolean> dkim,
                   Optional<Instant> deliveryTime,
                   Optional<String> callbackUrl) {
    static final int MAX_OPTIONS_BYTES = 16 * 1024;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 128;
    static final Duration MAX_SCHEDULE = Duration.ofDays(3);
    static final Set<String> RESERVED_HEADERS = Set.of("from", "return-path", "received", "delivered-to", "dkim-signature",
        "arc-seal", "arc-message-signature", "arc-authentication-results", "authentication-results", "list-unsubscribe",
        "list-unsubscribe-post", "precedence", "feedback-id", "mime-version", "content-type", "content-transfer-encoding");
    private static final String MESSAGE_ID = "message-id";
    private static final Pattern MESSAGE_ID_SYNTAX = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");

    static SendOptions parse(FormData form, Instant now) {
        long optionBytes = form.fields().entries().stream()
            .filter(entry -> entry.getKey().startsWith("o:") || entry.getKey().startsWith("h:")
                || entry.getKey().startsWith("v:") || entry.getKey().startsWith("t:"))
            .mapToLong(entry -> entry.getKey().length() + entry.getValue().length())
            .sum();
        if (optionBytes > MAX_OPTIONS_BYTES) {
            throw ApiException.validation("The o:, h:, v: and t: parameters may hold at most 16 KB together",
                Map.of("field", "o:"));
        }
        Map<String, String> headers = headers(form);
        Optional<String> messageId = messageId(headers);
        return new SendOptions(tags(form), headers, messageId, variables(form, headers),
            yesNo(form, "o:testmode").orElse(false),
            yesNo(form, "o:tracking"),
            yesNo(form, "o:tracking-opens"),
            clicks(form),
            yesNo(form, "o:dkim"),
            deliveryTime(form, now),
            callbackUrl(form));
    }

    private static List<String> tags(FormData form) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        form.all("o:tag").stream().map(String::trim).filter(tag -> !tag.isEmpty()).forEach(tags::add);
        if (tags.size() > MAX_TAGS) {
            throw ApiException.validation("At most " + MAX_TAGS + " 'o:tag' values are allowed", Map.of("field", "o:tag"));
        }
        for (String tag : tags) {
            if (tag.length() > MAX_TAG_LENGTH || !tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw ApiException.validation("'o:tag' must be printable ASCII, at most " + MAX_TAG_LENGTH + " characters",
                    Map.of("field", "o:tag"));
            }
        }
        return List.copyOf(tags);
    }

    private static Map<String, String> headers(FormData form) {
        Map<String, String> headers = new LinkedHashMap<>();
        form.fields().entries().stream()
            .filter(entry -> entry.getKey().startsWith("h:"))
            .forEach(entry -> {
                String name = entry.getKey().substring(2);
                String field = entry.getKey();
                if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
                    throw ApiException.validation("'" + printable(field) + "' is not a valid header name", Map.of("field", printable(field)));
                }
                if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw ApiException.validation("'" + field + "' is set by the server and cannot be given"
                        + (name.equalsIgnoreCase("from") ? ": use 'from'" : ""), Map.of("field", field));
                }
                if (entry.getValue().indexOf('\r') >= 0 || entry.getValue().indexOf('\n') >= 0
                    || entry.getValue().chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                    throw ApiException.validation("'" + field + "' must not contain CR, LF or control characters", Map.of("field", field));
                }
                headers.put(name, entry.getValue());
            });
        return headers;
    }

    /** Taken out of the headers: the composer writes it as the message's id. */
    private static Optional<String> messageId(Map<String, String> headers) {
        Optional<String> name = headers.keySet().stream().filter(header -> header.equalsIgnoreCase(MESSAGE_ID)).findFirst();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String value = headers.remove(name.get()).trim();
        String bracketed = value.startsWith("<") ? value : "<" + value + ">";
        if (!MESSAGE_ID_SYNTAX.matcher(bracketed).matches()) {
            throw ApiException.validation("'h:" + name.get() + "' must be a message id such as <id@domain>", Map.of("field", "h:" + name.get()));
        }
        return Optional.of(bracketed);
    }

    /**
     * {@code h:X-Mailgun-Variables} (how SMTP senders and nodemailer-mailgun-transport pass them) is taken out of the
     * headers and read as variables; a {@code v:} parameter of the same name wins.
     */
    private static Map<String, String> variables(FormData form, Map<String, String> headers) {
        Map<String, String> variables = new LinkedHashMap<>();
        headers.keySet().stream().filter(UserVariablesHeader.NAME::equalsIgnoreCase).findFirst()
            .map(headers::remove)
            .ifPresent(json -> variables.putAll(UserVariablesHeader.parse(json)));
        form.fields().entries().stream()
            .filter(entry -> entry.getKey().startsWith("v:"))
            .forEach(entry -> {
                String name = entry.getKey().substring(2);
                if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
                    throw ApiException.validation("'" + printable(entry.getKey()) + "' is not a valid variable name",
                        Map.of("field", printable(entry.getKey())));
                }
                variables.put(name, entry.getValue());
            });
        return variables;
    }

    static Optional<Boolean> yesNo(FormData form, String field) {
        return form.firstNonBlank(field).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            case "no", "false", "0", "off" -> false;
            default -> throw ApiException.validation("'" + field + "' must be yes or no", Map.of("field", field));
        });
    }

    private static Optional<String> clicks(FormData form) {
        return form.firstNonBlank("o:tracking-clicks").map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> "yes";
            case "no", "false", "0", "off" -> "no";
            case "htmlonly" -> "htmlonly";
            default -> throw ApiException.validation("'o:tracking-clicks' must be yes, no or htmlonly", Map.of("field", "o:tracking-clicks"));
        });
    }

    private static Optional<Instant> deliveryTime(FormData form, Instant now) {
        return form.firstNonBlank("o:deliverytime").map(value -> {
            Instant time;
            try {
                time = SuppressionRequests.parseDate(value);
            } catch (ApiException e) {
                throw ApiException.validation("'o:deliverytime' must be an RFC 2822 date", Map.of("field", "o:deliverytime"));
            }
            if (time.isAfter(now.plus(MAX_SCHEDULE))) {
                throw ApiException.validation("'o:deliverytime' may be at most 3 days ahead", Map.of("field", "o:deliverytime"));
            }
            return time;
        });
    }

    private static Optional<String> callbackUrl(FormData form) {
        return form.firstNonBlank("callback_url").map(value -> WebhookUrlPolicy.parseHttpUrl(value).map(URI::toString)
            .orElseThrow(() -> ApiException.validation("'callback_url' must be an http or https URL", Map.of("field", "callback_url"))));
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(64).forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
        return out.toString();
    }

    /** Per-message tracking: {@code o:tracking=no} turns everything off; the specific flags win over it. */
    Optional<Boolean> opens() {
        return trackOpens.or(() -> tracking);
    }

    Optional<Boolean> clicksOn() {
        return trackClicks.map(value -> !value.equals("no")).or(() -> tracking);
    }
}

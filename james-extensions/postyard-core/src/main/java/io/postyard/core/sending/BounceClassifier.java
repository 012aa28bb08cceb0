package io.postyard.core.sending;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.postyard.core.event.Severity;

/**
 * Classifies an SMTP failure by its enhanced status code (RFC 3463), then by the words of the diagnostic when the
 * code is missing or generic. Only "this mailbox does not exist" earns a place on the bounce list: policy, spam,
 * reputation and content rejections (5.7.x, 5.6.x) say nothing about the address, and listing their recipients is
 * the error senders most complain about.
 */
public final class BounceClassifier {
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern BASIC = Pattern.compile("(?<!\\d)([245]\\d\\d)(?!\\d)");
    private static final Set<String> MAILBOX_GONE = Set.of("5.1.1", "5.1.10", "5.1.6", "5.2.1", "5.1.2");
    private static final List<String> MAILBOX_GONE_WORDS = List.of("user unknown", "unknown user", "no such user",
        "no such mailbox", "mailbox not found", "mailbox unavailable", "does not exist", "doesn't exist",
        "recipient not found", "invalid recipient", "address rejected", "account disabled", "account has been disabled",
        "mailbox disabled", "not a valid mailbox", "no mailbox here", "unknown recipient", "user not found");
    private static final List<String> POLICY_WORDS = List.of("spam", "blocked", "blacklist", "blocklist", "policy",
        "reputation", "rejected due to", "dmarc", "spf", "dkim", "rate limit", "too many", "content", "virus", "not allowed",
        "relay", "denied");

    public static BounceClassification classify(Optional<Integer> smtpCode, String diagnostic, boolean retriesExhausted) {
        String text = diagnostic == null ? "" : diagnostic;
        Optional<String> enhanced = find(ENHANCED, text).map(match -> match.group(1) + "." + match.group(2) + "." + match.group(3));
        Optional<Integer> code = smtpCode.filter(value -> value >= 200).or(() -> find(BASIC, text).map(match -> Integer.parseInt(match.group(1))));
        boolean permanentCode = code.map(value -> value >= 500).orElse(false) || enhanced.map(value -> value.startsWith("5.")).orElse(false);
        Severity severity = permanentCode || retriesExhausted ? Severity.PERMANENT : Severity.TEMPORARY;
        boolean gone = permanentCode && mailboxDoesNotExist(enhanced, text.toLowerCase(Locale.ROOT));
        return new BounceClassification(severity, code, enhanced, gone, text.strip());
    }

    private static boolean mailboxDoesNotExist(Optional<String> enhanced, String lowerText) {
        if (enhanced.isPresent()) {
            String value = enhanced.get();
            if (MAILBOX_GONE.contains(value)) {
                return true;
            }
            if (!value.equals("5.0.0") && !value.equals("5.5.0")) {
                return false;
            }
        }
        return POLICY_WORDS.stream().noneMatch(lowerText::contains)
            && MAILBOX_GONE_WORDS.stream().anyMatch(lowerText::contains);
    }

    private static Optional<Matcher> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher) : Optional.empty();
    }

    private BounceClassifier() {
    }
}

package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.postyard.opensrs.store.HostedUser;

/**
 * A user's attributes: which can be set (and by whom), their rules, and the values a user has when they were never
 * set. {@code password} is checked here but never stored with the others: James keeps only its hash.
 */
final class UserAttributes {
    static final String PASSWORD = "password";
    static final String ALIASES = "aliases";
    static final String FORWARD_RECIPIENTS = "forward_recipients";
    static final String DELIVERY_FORWARD = "delivery_forward";
    static final String DELIVERY_MAILBOX = "delivery_mailbox";
    static final String DELIVERY_AUTORESPONDER = "delivery_autoresponder";
    static final String AUTORESPONDER = "autoresponder";
    static final String AUTORESPONDER_SUBJECT = "autoresponder_subject";
    static final String AUTORESPONDER_END = "autoresponder_option_enddate";
    static final String QUOTA = "quota";
    static final String STATUS = "status";
    static final String TYPE = "type";
    static final Set<String> ROUTING = Set.of(ALIASES, FORWARD_RECIPIENTS, DELIVERY_FORWARD, DELIVERY_MAILBOX);
    static final Set<String> AUTORESPONSE = Set.of(DELIVERY_AUTORESPONDER, AUTORESPONDER, AUTORESPONDER_SUBJECT, AUTORESPONDER_END);

    static final AttributeSchema SCHEMA = AttributeSchema.builder()
        .add(PASSWORD, AttributeSchema.Type.STRING, value -> isAcceptablePassword((String) value),
            "1 to 54 printable ASCII characters, without spaces or double quotes", false)
        .text("name", 256, false)
        .list(ALIASES, 2000, Text::isAddress, "mailbox addresses", true)
        .list(FORWARD_RECIPIENTS, 1000, Text::isAddress, "mailbox addresses", false)
        .flag(DELIVERY_FORWARD, false)
        .flag(DELIVERY_MAILBOX, false)
        .flag(DELIVERY_AUTORESPONDER, false)
        .add(AUTORESPONDER, AttributeSchema.Type.STRING, value -> Text.isMultiline((String) value, 10_000),
            "text of at most 10000 characters", false)
        .text(AUTORESPONDER_SUBJECT, 200, false)
        .number(AUTORESPONDER_END, 0, 253_402_300_799L, false)
        .number(QUOTA, 1, Long.MAX_VALUE / 2, true)
        .oneOf("language", ReferenceData.LANGUAGE_SET, false)
        .oneOf("timezone", ReferenceData.TIMEZONE_SET, false)
        .text("spamfolder", 100, false)
        .oneOf("spamlevel", ReferenceData.SPAM_LEVELS, false)
        .text("spamtag", 50, false)
        .oneOf(STATUS, Set.of("active", "suspended"), true)
        .oneOf(TYPE, Set.of("mailbox"), true)
        .oneOf("service_imap4", ReferenceData.SERVICE_STATES, true)
        .oneOf("service_pop3", ReferenceData.SERVICE_STATES, true)
        .oneOf("service_smtpin", ReferenceData.SERVICE_STATES, true)
        .oneOf("service_smtprelay", ReferenceData.SERVICE_STATES, true)
        .oneOf("service_webmail", ReferenceData.SERVICE_STATES, true)
        .build();

    static Map<String, Object> defaults(Optional<String> language, Optional<String> timezone) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("name", "");
        defaults.put(ALIASES, List.of());
        defaults.put(FORWARD_RECIPIENTS, List.of());
        defaults.put(DELIVERY_FORWARD, false);
        defaults.put(DELIVERY_MAILBOX, true);
        defaults.put(DELIVERY_AUTORESPONDER, false);
        defaults.put(AUTORESPONDER, "");
        defaults.put(AUTORESPONDER_SUBJECT, "");
        defaults.put("language", language.orElse("en"));
        defaults.put("timezone", timezone.orElse("UTC"));
        defaults.put("spamfolder", "Spam");
        defaults.put("spamlevel", "Normal");
        defaults.put("spamtag", "");
        defaults.put(TYPE, "mailbox");
        for (String service : List.of("service_imap4", "service_pop3", "service_smtpin", "service_smtprelay", "service_webmail")) {
            defaults.put(service, "enabled");
        }
        return defaults;
    }

    /** Every attribute of the user: what was set over the defaults, and its status. */
    static Map<String, Object> view(HostedUser user, Map<String, Object> defaults) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account", user.name().asString());
        view.putAll(defaults);
        view.putAll(user.attributes());
        view.put(STATUS, user.status().asString());
        view.put("created", user.createdAt().getEpochSecond());
        return view;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> attributes, String name) {
        return (List<String>) attributes.getOrDefault(name, List.of());
    }

    static boolean flag(Map<String, Object> attributes, String name, boolean otherwise) {
        return (Boolean) attributes.getOrDefault(name, otherwise);
    }

    static String text(Map<String, Object> attributes, String name) {
        return (String) attributes.getOrDefault(name, "");
    }

    /** OMA's rule: ASCII 33 and 35 to 126, 1 to 54 of them. */
    private static boolean isAcceptablePassword(String password) {
        return !password.isEmpty() && password.length() <= 54
            && password.chars().allMatch(c -> c == 33 || (c >= 35 && c <= 126));
    }

    /** The real service refuses a password that contains the mailbox's name or its domain's. */
    static boolean containsOwnName(String password, String localPart, String domainLabel) {
        String lowered = password.toLowerCase(Locale.ROOT);
        return (localPart.length() >= 3 && lowered.contains(localPart.toLowerCase(Locale.ROOT)))
            || (domainLabel.length() >= 3 && lowered.contains(domainLabel.toLowerCase(Locale.ROOT)));
    }

    private UserAttributes() {
    }
}

package io.postyard.mailgun.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a domain that only Mailgun's API has, as {@code PUT /v4/domains/{d}} sets them. Postyard keeps and
 * shows them; what each one changes in mail flow is written in {@code docs/api/mailgun.md}.
 */
public record MailgunDomainSettings(String spamAction, String webScheme, String webPrefix, boolean requireTls,
                                    boolean skipVerification, boolean automaticSenderSecurity, boolean webhooksRedactPii,
                                    Optional<String> mailfromHost, Optional<Integer> messageTtl, Optional<String> archiveTo) {
    public static final MailgunDomainSettings DEFAULT = new MailgunDomainSettings("disabled", "http", "email", false, false,
        false, false, Optional.empty(), Optional.empty(), Optional.empty());

    public MailgunDomainSettings {
        Objects.requireNonNull(spamAction);
        Objects.requireNonNull(webScheme);
        Objects.requireNonNull(webPrefix);
        Objects.requireNonNull(mailfromHost);
        Objects.requireNonNull(messageTtl);
        Objects.requireNonNull(archiveTo);
    }

    /** Flat, for storage as one JSON object; absent values are left out. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("spam_action", spamAction);
        map.put("web_scheme", webScheme);
        map.put("web_prefix", webPrefix);
        map.put("require_tls", String.valueOf(requireTls));
        map.put("skip_verification", String.valueOf(skipVerification));
        map.put("use_automatic_sender_security", String.valueOf(automaticSenderSecurity));
        map.put("webhooks_redact_pii", String.valueOf(webhooksRedactPii));
        mailfromHost.ifPresent(value -> map.put("mailfrom_host", value));
        messageTtl.ifPresent(value -> map.put("message_ttl", String.valueOf(value)));
        archiveTo.ifPresent(value -> map.put("archive_to", value));
        return map;
    }

    /** Missing keys take the default, so a stored map from an older version still reads. */
    public static MailgunDomainSettings fromMap(Map<String, String> map) {
        return new MailgunDomainSettings(map.getOrDefault("spam_action", DEFAULT.spamAction),
            map.getOrDefault("web_scheme", DEFAULT.webScheme), map.getOrDefault("web_prefix", DEFAULT.webPrefix),
            Boolean.parseBoolean(map.get("require_tls")), Boolean.parseBoolean(map.get("skip_verification")),
            Boolean.parseBoolean(map.get("use_automatic_sender_security")), Boolean.parseBoolean(map.get("webhooks_redact_pii")),
            Optional.ofNullable(map.get("mailfrom_host")), Optional.ofNullable(map.get("message_ttl")).map(Integer::valueOf),
            Optional.ofNullable(map.get("archive_to")));
    }
}

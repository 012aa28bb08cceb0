package io.postyard.mailgun;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.james.core.Domain;

import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.mailgun.domain.MailgunDomainSettings;

/** The Mailgun-only domain fields of a create or update request, over the settings a domain has now. */
final class DomainSettingsRequest {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_TTL_SECONDS = 7 * 24 * 3600;

    static MailgunDomainSettings apply(FormData form, Domain domain, MailgunDomainSettings current) {
        String spamAction = form.firstNonBlank("spam_action").map(value -> oneOf(value, "spam_action", "disabled", "tag", "block"))
            .orElse(current.spamAction());
        String webScheme = form.firstNonBlank("web_scheme").map(value -> oneOf(value, "web_scheme", "http", "https"))
            .orElse(current.webScheme());
        String webPrefix = form.firstNonBlank("web_prefix").map(value -> label(value, "web_prefix")).orElse(current.webPrefix());
        Optional<String> mailfromHost = form.firstNonBlank("mailfrom_host").map(value -> mailfromHost(value, domain))
            .or(current::mailfromHost);
        Optional<Integer> messageTtl = form.firstNonBlank("message_ttl").map(DomainSettingsRequest::ttl).or(current::messageTtl);
        Optional<String> archiveTo = form.firstNonBlank("archive_to").map(DomainSettingsRequest::archiveUrl).or(current::archiveTo);
        return new MailgunDomainSettings(spamAction, webScheme, webPrefix,
            form.bool("require_tls").orElse(current.requireTls()),
            form.bool("skip_verification").orElse(current.skipVerification()),
            form.bool("use_automatic_sender_security").orElse(current.automaticSenderSecurity()),
            form.bool("webhooks_redact_pii").orElse(current.webhooksRedactPii()),
            mailfromHost, messageTtl, archiveTo);
    }

    private static String oneOf(String value, String field, String... allowed) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(normalized)) {
                return candidate;
            }
        }
        throw ApiException.validation("'" + field + "' must be one of " + String.join(", ", allowed), Map.of("field", field));
    }

    private static String label(String value, String field) {
        if (!LABEL.matcher(value.trim()).matches()) {
            throw ApiException.validation("'" + field + "' must be one lower-case DNS label", Map.of("field", field));
        }
        return value.trim();
    }

    /** A label under the domain, or a full lower-case host name within it. */
    private static String mailfromHost(String value, Domain domain) {
        String host = value.trim();
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            throw ApiException.validation("'mailfrom_host' must be lower case", Map.of("field", "mailfrom_host"));
        }
        String full = host.contains(".") ? host : label(host, "mailfrom_host") + "." + domain.asString();
        if (!full.endsWith("." + domain.asString()) || !full.substring(0, full.length() - domain.asString().length() - 1)
                .chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
            throw ApiException.validation("'mailfrom_host' must be a host name under " + domain.asString(), Map.of("field", "mailfrom_host"));
        }
        return full;
    }

    private static int ttl(String value) {
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 1 && seconds <= MAX_TTL_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("'message_ttl' must be a number of seconds from 1 to " + MAX_TTL_SECONDS, Map.of("field", "message_ttl"));
    }

    private static String archiveUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw ApiException.validation("'archive_to' must be an http or https URL", Map.of("field", "archive_to"));
    }

    private DomainSettingsRequest() {
    }
}

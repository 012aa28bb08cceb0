package io.postyard.mailgun;

import java.util.Locale;
import java.util.Map;

import org.apache.james.core.Domain;

import com.google.common.net.InternetDomainName;

import io.postyard.http.ApiException;

/** Domain names as the API accepts them: a syntactically valid name with at least two labels. */
final class MailgunDomainNames {
    static Domain parse(String raw) {
        return parse(raw, "name");
    }

    static Domain parse(String raw, String fieldName) {
        String name = raw.trim().toLowerCase(Locale.ROOT);
        if (raw.chars().anyMatch(Character::isISOControl) || !isHostName(name) || !InternetDomainName.from(name).hasParent()) {
            throw ApiException.validation("'" + fieldName + "': '" + abbreviate(raw) + "' is not a valid domain name",
                Map.of("field", fieldName));
        }
        return Domain.of(name);
    }

    /** Domains taken from a path: an invalid one cannot exist, so it is reported as not found. */
    static Domain fromPath(String raw) {
        String name = raw.trim().toLowerCase(Locale.ROOT);
        if (!isHostName(name)) {
            throw ApiException.notFound("Domain not found");
        }
        return Domain.of(name);
    }

    /** Guava accepts underscores, which host names (RFC 952/1123 letters, digits, hyphens) do not. */
    private static boolean isHostName(String name) {
        return InternetDomainName.isValid(name) && name.chars().allMatch(c -> c == '.' || c == '-' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }

    private static String abbreviate(String raw) {
        String printable = raw.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
    }

    private MailgunDomainNames() {
    }
}

package io.postyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every secret the test suite hands the server or is handed by it (keys, passwords, tokens, signing keys), written to
 * the file named by the {@code postyard.suite.secrets} system property, so that a scan after the suite can look for
 * them in everything the server logged. Without the property, nothing is recorded.
 */
public final class SuiteSecrets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SECRET_FIELDS = Set.of("password", "secret", "token", "session_token", "signing_key",
        "http_signing_key", "api_key", "smtp_password", "key");
    private static final int SHORTEST = 8;
    private static final int LONGEST = 200;
    /** Fewer different characters than this is filler ("xxxx...") that tests send as oversized values, not a secret. */
    private static final int FEWEST_DISTINCT_CHARACTERS = 5;
    private static final Optional<Path> FILE = Optional.ofNullable(System.getProperty("postyard.suite.secrets")).map(Path::of);

    public static synchronized void record(String secret) {
        if (FILE.isEmpty() || secret == null || secret.length() < SHORTEST || secret.length() > LONGEST || secret.contains("\n")
            || secret.chars().distinct().count() < FEWEST_DISTINCT_CHARACTERS) {
            return;
        }
        try {
            Files.createDirectories(FILE.get().getParent());
            Files.writeString(FILE.get(), secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void recordRequest(Map<String, String> headers, String contentType, byte[] body) {
        if (FILE.isEmpty()) {
            return;
        }
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Authorization")) {
                recordAuthorization(value);
            } else if (name.equalsIgnoreCase("X-API-Key")) {
                record(value);
            }
        });
        if (contentType == null || body.length == 0) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.startsWith("application/json")) {
            recordJson(text);
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && SECRET_FIELDS.contains(decode(pair.substring(0, equals)))) {
                    record(decode(pair.substring(equals + 1)));
                }
            }
        }
    }

    static void recordResponse(String body) {
        if (FILE.isPresent() && body.startsWith("{")) {
            recordJson(body);
        }
    }

    private static void recordAuthorization(String value) {
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            record(value.substring(7).trim());
        } else if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                record(decoded.substring(decoded.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                // Not base64: a malformed header a test sends on purpose, no secret in it.
            }
        }
    }

    private static void recordJson(String text) {
        try {
            walk(JSON.readTree(text));
        } catch (IOException | RuntimeException e) {
            // Not JSON after all (tests send malformed bodies on purpose).
        }
    }

    private static void walk(JsonNode node) {
        walk(node, "");
    }

    /**
     * Mailgun's {@code storage.key} names a stored message, as a path segment of its URL (which the access log
     * shows): it is an object's id, not a credential.
     */
    private static void walk(JsonNode node, String parent) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean storageKey = parent.equals("storage") && field.getKey().equals("key");
                if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isTextual() && !storageKey) {
                    record(field.getValue().asText());
                }
                walk(field.getValue(), field.getKey());
            }
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, parent));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private SuiteSecrets() {
    }
}

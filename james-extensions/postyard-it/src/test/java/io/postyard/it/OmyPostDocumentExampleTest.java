package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.PostyardExtension;

/**
 * The documentation's Python example, run by a real Python with {@code requests}, against the server: only the base URL
 * and the key change. The example asks for an account expiring on 2025-12-31, a date the document (whose own example
 * response is dated 2025-03-15) had in its future; the server's clock is set to that day so the example means what it
 * meant, since a past expiry is refused.
 */
class OmyPostDocumentExampleTest {
    private static final Instant DOCUMENT_DATE = Instant.parse("2025-03-15T10:30:00Z");

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .overrideWith(binder -> binder.bind(Clock.class).toInstance(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), DOCUMENT_DATE))))
        .build();

    @Test
    void createMultipleEmailAccountsRunsUnchanged(@TempDir Path dir) throws Exception {
        String key = postyard.createKey("omypost", "emails:write", "emails:read");
        String script;
        try (InputStream in = getClass().getResourceAsStream("/omypost/create-multiple-email-accounts.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("'YOUR_API_KEY'", "'" + key + "'")
                .replace("'https://api.omypost.com/v1'", "'http://127.0.0.1:" + postyard.httpPort() + "/omypost/v1'");
        }
        Path file = Files.writeString(dir.resolve("example.py"), script);

        Process python = new ProcessBuilder("python3", file.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(python.exitValue()).as("python3 with requests (apt: python3-requests) printed:\n" + output).isZero();
        assertThat(output).contains("\"email\": \"test1@omypost.localhost\"").contains("\"email\": \"test2@omypost.localhost\"");
        JsonNode listed = postyard.api().get("/omypost/v1/emails").bearer(key).send().json().get("data");
        assertThat(listed).extracting(email -> email.get("email").asText() + " " + email.get("type").asText())
            .containsExactly("test1@omypost.localhost permanent", "test2@omypost.localhost temporary");
        assertThat(listed.get(1).get("expiry_date").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(listed.get(0).get("created_at").asText()).startsWith("2025-03-15T");
    }
}

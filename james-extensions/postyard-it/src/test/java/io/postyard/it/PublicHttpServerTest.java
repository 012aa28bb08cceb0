package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** What the public port does for every provider: health, request ids, unknown paths. */
class PublicHttpServerTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    @Test
    void healthzAnswersWithoutAuthentication() {
        ApiResponse response = postyard.api().get("/healthz").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("healthy");
        assertThat(response.json().get("checks")).isNotEmpty();
    }

    @Test
    void everyResponseCarriesARequestId() {
        ApiResponse response = postyard.api().get("/healthz").send();

        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aSaneClientRequestIdIsEchoed() {
        ApiResponse response = postyard.api().get("/healthz").header("X-Request-Id", "client-trace-0042").send();

        assertThat(response.header("X-Request-Id")).isEqualTo("client-trace-0042");
    }

    @Test
    void aRequestIdThatCouldForgeLogLinesIsReplaced() {
        ApiResponse response = postyard.api().get("/healthz").header("X-Request-Id", "bad id; with spaces").send();

        assertThat(response.header("X-Request-Id")).isNotEqualTo("bad id; with spaces").matches("[0-9a-f-]{36}");
    }

    @Test
    void anUnknownPathOutsideAnyProviderIsAJson404() {
        ApiResponse response = postyard.api().get("/nothing/here").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAuthentication() {
        byte[] huge = new byte[27 * 1024 * 1024];
        ApiResponse response = postyard.api().post("/mailgun/v3/domains").raw("application/octet-stream", huge).send();

        assertThat(response.status()).isEqualTo(413);
    }
}

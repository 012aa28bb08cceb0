package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.ErrorCode;

class OpenmailErrorsTest {
    private static String render(ApiException exception) {
        return OpenmailErrors.RENDERER.render(exception.error(), "req-1");
    }

    @Test
    void theReferencesOwnCodesAreRenderedAsTheErrorWithTheirStatus() {
        assertThat(render(OpenmailErrors.addressTaken("jane@x.test"))).isEqualTo(
            "{\"error\":\"address_taken\",\"message\":\"The address jane@x.test is already taken\"}");
        assertThat(OpenmailErrors.addressTaken("jane@x.test").error().status()).isEqualTo(409);
        assertThat(render(OpenmailErrors.missingIdempotencyKey())).startsWith("{\"error\":\"missing_idempotency_key\",");
        assertThat(OpenmailErrors.recipientSuppressed("a@b.test").error().status()).isEqualTo(422);
        ApiException limited = OpenmailErrors.rateLimitExceeded("slow down", 12);
        assertThat(limited.error().status()).isEqualTo(429);
        assertThat(limited.headers()).containsEntry("Retry-After", "12");
        assertThat(render(limited)).isEqualTo("{\"error\":\"rate_limit_exceeded\",\"message\":\"slow down\"}");
    }

    @Test
    void sharedErrorsGetTheCodeOfTheirKindAndNothingButErrorAndMessage() {
        assertThat(OpenmailErrors.RENDERER.render(new ApiError(413, ErrorCode.PAYLOAD_TOO_LARGE, "too big"), "req-1"))
            .isEqualTo("{\"error\":\"payload_too_large\",\"message\":\"too big\"}");
        assertThat(render(ApiException.validation("bad", java.util.Map.of("field", "to", "reason", "r"))))
            .isEqualTo("{\"error\":\"validation_error\",\"message\":\"bad\"}");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(OpenmailErrors.code(code)).matches("[a-z_]+");
        }
    }
}

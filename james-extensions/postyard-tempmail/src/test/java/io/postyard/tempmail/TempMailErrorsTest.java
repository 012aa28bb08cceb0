package io.postyard.tempmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.postyard.http.ApiError;
import io.postyard.http.ErrorCode;

class TempMailErrorsTest {
    @Test
    void aClientErrorIsARequestError() {
        assertThat(TempMailErrors.RENDERER.render(new ApiError(404, ErrorCode.NOT_FOUND, "Message not found"), "a48b927e-3a24-42ff-a748-d516e5474f85"))
            .isEqualTo("{\"error\":{\"type\":\"request_error\",\"code\":\"not_found\",\"detail\":\"Message not found\"},"
                + "\"meta\":{\"request_id\":\"a48b927e-3a24-42ff-a748-d516e5474f85\"}}");
    }

    @Test
    void aServerFailureIsAnApiError() {
        assertThat(TempMailErrors.RENDERER.render(new ApiError(500, ErrorCode.INTERNAL, "Internal server error"), "r"))
            .contains("\"type\":\"api_error\"").contains("\"code\":\"internal_error\"");
    }

    @Test
    void keysFailInTwoWays() {
        assertThat(TempMailErrors.code(ErrorCode.UNAUTHENTICATED)).isEqualTo("api_key_empty");
        assertThat(TempMailErrors.code(ErrorCode.INVALID_CREDENTIALS)).isEqualTo("api_key_invalid");
        assertThat(TempMailErrors.code(ErrorCode.RATE_LIMITED)).isEqualTo("rate_limited");
        assertThat(TempMailErrors.code(ErrorCode.VALIDATION)).isEqualTo("validation_error");
    }
}

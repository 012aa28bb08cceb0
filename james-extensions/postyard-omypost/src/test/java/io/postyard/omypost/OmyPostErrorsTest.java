package io.postyard.omypost;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.postyard.http.ApiError;
import io.postyard.http.ErrorCode;

class OmyPostErrorsTest {
    @Test
    void everyFailureHasTheDocumentsShape() {
        for (ErrorCode code : ErrorCode.values()) {
            String body = OmyPostErrors.RENDERER.render(new ApiError(500, code, "Something"), "request-1");

            assertThat(body).startsWith("{\"error\":{\"code\":\"").contains("\"message\":\"Something\"").endsWith("\"details\":{}}}");
        }
    }

    @Test
    void anUnexpectedFailureIsAServerErrorWithoutDetails() {
        assertThat(OmyPostErrors.RENDERER.render(new ApiError(500, ErrorCode.INTERNAL, "Internal server error"), "r"))
            .isEqualTo("{\"error\":{\"code\":\"server_error\",\"message\":\"Internal server error\",\"details\":{}}}");
    }

    @Test
    void detailsKeepTheirOrder() {
        java.util.LinkedHashMap<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("field", "prefix");
        details.put("reason", "why");

        assertThat(OmyPostErrors.RENDERER.render(new ApiError(400, ErrorCode.VALIDATION, "m", details), "r"))
            .contains("\"details\":{\"field\":\"prefix\",\"reason\":\"why\"}");
        assertThat(OmyPostErrors.code(ErrorCode.RATE_LIMITED)).isEqualTo("rate_limit_exceeded");
    }
}

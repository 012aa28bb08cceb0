package io.postyard.it;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;

/** Whether an error answer is in the error format of the provider whose prefix the path starts with. */
final class ErrorShapes {
    static boolean inProviderFormat(String path, ApiResponse response) {
        if (response.status() < 400) {
            return true;
        }
        if (path.startsWith("/console") && String.valueOf(response.header("Content-Type")).startsWith("text/html")) {
            // The console's format: its sign-in page, with the error on it.
            return response.body().contains("class=\"error\"");
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            return false;
        }
        if (body == null || !body.isObject()) {
            return false;
        }
        if (path.startsWith("/mailgun/")) {
            return body.path("message").isTextual();
        }
        if (path.startsWith("/omypost/")) {
            JsonNode error = body.path("error");
            return error.path("code").isTextual() && error.path("message").isTextual() && error.path("details").isObject();
        }
        if (path.startsWith("/tempmail/")) {
            JsonNode error = body.path("error");
            return error.path("type").isTextual() && error.path("code").isTextual() && error.path("detail").isTextual()
                && body.path("meta").path("request_id").isTextual();
        }
        if (path.startsWith("/openmail/")) {
            return body.path("error").isTextual() && body.path("message").isTextual();
        }
        if (path.startsWith("/opensrs/")) {
            return body.path("success").isBoolean() && !body.get("success").asBoolean() && body.path("error_number").isInt()
                && body.path("error").isTextual();
        }
        return body.path("message").isTextual();
    }

    private ErrorShapes() {
    }
}

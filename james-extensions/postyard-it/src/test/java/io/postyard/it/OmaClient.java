package io.postyard.it;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.http.Json;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;

/** Posts OMA calls as a panel would: one JSON object per call, credentials inside. */
final class OmaClient {
    private final PostyardExtension postyard;
    private final Map<String, Object> credentials;

    private OmaClient(PostyardExtension postyard, Map<String, Object> credentials) {
        this.postyard = postyard;
        this.credentials = credentials;
    }

    static OmaClient withPassword(PostyardExtension postyard, String user, String password) {
        return new OmaClient(postyard, Map.of("user", user, "password", password, "client", "postyard-it"));
    }

    static OmaClient withToken(PostyardExtension postyard, String user, String token) {
        return new OmaClient(postyard, Map.of("user", user, "token", token));
    }

    /** The answer's body, after checking that a well-formed call got HTTP 200. */
    JsonNode call(String method, Map<String, Object> fields) {
        ApiResponse response = send(method, fields);
        if (response.status() != 200) {
            throw new AssertionError(method + " answered HTTP " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** A call that must succeed. */
    JsonNode ok(String method, Map<String, Object> fields) {
        JsonNode answer = call(method, fields);
        if (!answer.path("success").asBoolean(false)) {
            throw new AssertionError(method + " failed: " + answer);
        }
        return answer;
    }

    /** The {@code error_number} of a call that must fail. */
    int error(String method, Map<String, Object> fields) {
        JsonNode answer = call(method, fields);
        if (answer.path("success").asBoolean(true) || !answer.has("error_number") || answer.path("error").asText().isBlank()) {
            throw new AssertionError(method + " should have failed with an error number: " + answer);
        }
        return answer.get("error_number").asInt();
    }

    ApiResponse send(String method, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentials", credentials);
        body.putAll(fields);
        return postyard.api().post("/opensrs/api/" + method).json(Json.write(body)).send();
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}

package io.postyard.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;

/** A request's JSON object, read within the body limit, with typed access whose failures are 400s naming the field. */
public final class JsonBody {
    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    public static JsonBody parse(Request request) {
        String contentType = Optional.ofNullable(request.contentType()).orElse("").toLowerCase(java.util.Locale.ROOT);
        if (!contentType.isEmpty() && !contentType.startsWith("application/json")) {
            throw ApiException.badRequest("Content-Type must be application/json");
        }
        byte[] body = BodyReader.read(request);
        if (body.length == 0) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("The request body must be a JSON object");
            }
            return new JsonBody((ObjectNode) node);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
    }

    /**
     * The body as a JSON object whatever its Content-Type says, for SDKs that label JSON as a form (mailgun.js's
     * {@code tags.destroy}); an empty body is an empty object.
     */
    public static ObjectNode lenientObject(Request request) {
        String text = StrictUtf8.decode(BodyReader.read(request)).strip();
        if (text.isEmpty()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
        throw ApiException.badRequest("The request body must be a JSON object");
    }

    public static ApiException invalid(String field, String message, String reason) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("field", field);
        details.put("reason", reason);
        return ApiException.validation(message, details);
    }

    public Optional<String> string(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field, "Invalid value for '" + field + "'", "Must be a string");
        }
        return Optional.of(node.asText());
    }

    public String requireString(String field) {
        return string(field).filter(value -> !value.isBlank())
            .orElseThrow(() -> invalid(field, "Missing required parameter '" + field + "'", "This field is required"));
    }

    public Optional<Boolean> bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw invalid(field, "Invalid value for '" + field + "'", "Must be true or false");
        }
        return Optional.of(node.asBoolean());
    }

    /** Whether the field is there, even as {@code null}: a PATCH sets what is present, and {@code null} clears it. */
    public boolean has(String field) {
        return root.has(field);
    }

    /** The whole object, to compare requests by content. */
    public JsonNode tree() {
        return root.deepCopy();
    }

    /** A list of strings, also accepted as a single string. */
    public Optional<List<String>> strings(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(List.of(node.asText()));
        }
        if (!node.isArray()) {
            throw invalid(field, "Invalid value for '" + field + "'", "Must be a string or an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw invalid(field, "Invalid value for '" + field + "'", "Every element must be a string");
            }
            values.add(element.asText());
        }
        return Optional.of(values);
    }

    /** An array of objects, such as attachments. */
    public List<JsonNode> objects(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid(field, "Invalid value for '" + field + "'", "Must be an array of objects");
        }
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isObject()) {
                throw invalid(field, "Invalid value for '" + field + "'", "Every element must be an object");
            }
            values.add(element);
        }
        return values;
    }
}

package io.postyard.cassandra;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Free-form attributes (strings, booleans, whole numbers, lists of strings) kept as one JSON text. Whole numbers come
 * back as {@code Long}, the type the API layer gives them, so a stored record equals the one saved.
 */
public final class JsonAttributes {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public static String write(Map<String, Object> attributes) {
        try {
            return MAPPER.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Attributes that are not JSON values", e);
        }
    }

    public static Map<String, Object> read(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attributes are not a JSON object", e);
        }
    }

    private JsonAttributes() {
    }
}

package io.postyard.core.sending;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mailgun's {@code X-Mailgun-Variables} header: a JSON object whose members become a message's user variables, as
 * {@code v:} parameters do. Nested values are kept as their JSON text.
 */
public final class UserVariablesHeader {
    public static final String NAME = "X-Mailgun-Variables";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty when the value is not a JSON object: Mailgun ignores variables it cannot parse. */
    public static Map<String, String> parse(String value) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(value);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(field -> {
                    if (!field.getValue().isNull()) {
                        variables.put(field.getKey(),
                            field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
                    }
                });
            }
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        return variables;
    }

    private UserVariablesHeader() {
    }
}

package io.postyard.openmail.jdbc;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postyard.openmail.store.ThreadMessage;

/**
 * A message's lists as JSON text: no column type holds a list on both H2 and PostgreSQL, and they are read whole with
 * their message, never queried. An attachment is the JSON object of its record's components.
 */
final class JsonLists {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<ThreadMessage.AttachmentInfo>> ATTACHMENTS = new TypeReference<>() {
    };

    static String json(List<?> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Values that do not make JSON", e);
        }
    }

    static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    static List<ThreadMessage.AttachmentInfo> attachments(String json) {
        return read(json, ATTACHMENTS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored column is not the JSON written: " + json, e);
        }
    }

    private JsonLists() {
    }
}

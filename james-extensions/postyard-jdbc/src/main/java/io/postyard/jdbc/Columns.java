package io.postyard.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values with no column type common to H2 and PostgreSQL: optional instants as nullable epoch milliseconds, and small
 * collections of strings (a key's permissions, a suppression's tags, a webhook's URLs, an event's variables) as JSON
 * text, read back whole with their record and never queried. The providers' SQL stores use it too.
 */
public final class Columns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Set<String>> STRING_SET = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Boolean>> FLAGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    public static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    public static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    public static String json(List<String> strings) {
        return write(strings);
    }

    /** Sorted, so that equal sets are equal text. */
    public static String json(Set<String> strings) {
        return write(new TreeSet<>(strings));
    }

    /** Sorted by key, so that equal maps are equal text. */
    public static String json(Map<String, ?> map) {
        return write(new TreeMap<>(map));
    }

    public static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    public static Set<String> stringSet(String json) {
        return read(json, STRING_SET);
    }

    public static Map<String, Boolean> flags(String json) {
        return read(json, FLAGS);
    }

    public static Map<String, String> stringMap(String json) {
        return read(json, STRING_MAP);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Strings that do not make JSON", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored column is not the JSON written: " + json, e);
        }
    }

    private Columns() {
    }
}

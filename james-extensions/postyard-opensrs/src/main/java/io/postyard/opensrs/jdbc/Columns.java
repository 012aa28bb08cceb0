package io.postyard.opensrs.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values with no column type common to H2 and PostgreSQL: optional instants as nullable epoch milliseconds, and small
 * sets of strings (an administrator's objects) as JSON arrays, read whole with their record and never queried.
 */
final class Columns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Set<String>> STRINGS = new TypeReference<>() {
    };

    static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** Sorted, so that equal sets are equal text. */
    static String json(Set<String> strings) {
        try {
            return MAPPER.writeValueAsString(new TreeSet<>(strings));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Strings that do not make JSON", e);
        }
    }

    static Set<String> strings(String json) {
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored column is not the JSON written: " + json, e);
        }
    }

    private Columns() {
    }
}

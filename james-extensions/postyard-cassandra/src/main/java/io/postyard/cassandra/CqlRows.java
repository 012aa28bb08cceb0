package io.postyard.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

/** Maps the rows of a result, however many pages the driver fetches for it. */
public final class CqlRows {
    public static <T> List<T> list(ResultSet rows, Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>();
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return List.copyOf(mapped);
    }

    public static <T> Optional<T> one(ResultSet rows, Function<Row, T> mapper) {
        return Optional.ofNullable(rows.one()).map(mapper);
    }

    private CqlRows() {
    }
}

package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.postyard.http.QueryParams;
import spark.Request;

/** {@code limit} (default 20, at most 100) and {@code offset} (from 0), and the {@code {data, total, limit, offset}} of a list. */
record Page(int limit, int offset) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static Page of(Request request) {
        return new Page(QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
            QueryParams.integer(request, "offset", 0, 0, Integer.MAX_VALUE));
    }

    <T> List<T> slice(List<T> all) {
        int from = Math.min(all.size(), offset);
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    /** The page of {@code all} as a list body, each item shown by {@code view}. */
    <T> Map<String, Object> view(List<T> all, Function<T, ?> view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", slice(all).stream().map(view).toList());
        body.put("total", all.size());
        body.put("limit", limit);
        body.put("offset", offset);
        return body;
    }
}

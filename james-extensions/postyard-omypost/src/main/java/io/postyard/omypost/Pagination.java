package io.postyard.omypost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postyard.http.QueryParams;
import spark.Request;

/** {@code page} (from 1) and {@code limit} (default 20, at most 100), and the {@code pagination} block of a list. */
record Pagination(int page, int limit) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static Pagination of(Request request) {
        return new Pagination(QueryParams.integer(request, "page", 1, 1, 1_000_000),
            QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    <T> List<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * limit);
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    Map<String, Object> view(List<?> data, long total) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", page);
        pagination.put("limit", limit);
        pagination.put("total", total);
        pagination.put("total_pages", (total + limit - 1) / limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("pagination", pagination);
        return body;
    }
}

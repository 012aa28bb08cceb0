package io.postyard.mailgun;

import java.util.List;

import io.postyard.http.QueryParams;
import spark.Request;

/** The {@code limit}/{@code skip} window of the domain and credential lists. */
record Paging(int limit, int skip) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static Paging from(Request request) {
        return new Paging(
            QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
            QueryParams.integer(request, "skip", 0, 0, Integer.MAX_VALUE));
    }

    <T> List<T> apply(List<T> all) {
        if (skip >= all.size()) {
            return List.of();
        }
        return all.subList(skip, Math.min(all.size(), skip + limit));
    }
}

package io.postyard.opensrs;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The common parts of the {@code search_*} methods: {@code criteria.match} with the {@code ?} and {@code *} wildcards,
 * {@code range} ({@code first} from 0, {@code limit}) and {@code sort} ({@code by}, {@code direction}).
 */
final class SearchRequest {
    static final int MAX_LIMIT = 1000;

    private final ObjectNode criteria;
    private final Optional<Pattern> match;
    private final int first;
    private final int limit;
    private final Optional<String> sortBy;
    private final boolean descending;

    private SearchRequest(ObjectNode criteria, Optional<Pattern> match, int first, int limit, Optional<String> sortBy, boolean descending) {
        this.criteria = criteria;
        this.match = match;
        this.first = first;
        this.limit = limit;
        this.sortBy = sortBy;
        this.descending = descending;
    }

    static SearchRequest of(OmaRequest request) {
        ObjectNode criteria = request.optionalObject("criteria").orElseGet(() -> request.body().objectNode());
        OmaRequest criteriaFields = new OmaRequest(request.method(), criteria);
        Optional<Pattern> match = criteriaFields.optionalString("match").map(SearchRequest::wildcard);
        ObjectNode range = request.optionalObject("range").orElseGet(() -> request.body().objectNode());
        OmaRequest rangeFields = new OmaRequest(request.method(), range);
        long first = rangeFields.optionalLong("first").orElse(0L);
        long limit = rangeFields.optionalLong("limit").orElse((long) MAX_LIMIT);
        if (first < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw OmaException.malformed("range.first must be 0 or more and range.limit from 1 to " + MAX_LIMIT);
        }
        ObjectNode sort = request.optionalObject("sort").orElseGet(() -> request.body().objectNode());
        OmaRequest sortFields = new OmaRequest(request.method(), sort);
        String direction = sortFields.optionalString("direction").orElse("ascending");
        if (!direction.equals("ascending") && !direction.equals("descending")) {
            throw OmaException.malformed("sort.direction must be ascending or descending");
        }
        return new SearchRequest(criteria, match, (int) Math.min(first, Integer.MAX_VALUE), (int) limit,
            sortFields.optionalString("by"), direction.equals("descending"));
    }

    OmaRequest criteria(String method) {
        return new OmaRequest(method, criteria);
    }

    boolean matches(String name) {
        return match.map(pattern -> pattern.matcher(name).matches()).orElse(true);
    }

    /** Sorts by {@code sort.by}, one of {@code allowed}; the first of them when none is asked for. */
    <T> Comparator<T> comparator(List<String> allowed, java.util.function.Function<String, Comparator<T>> byName) {
        String by = sortBy.orElse(allowed.get(0));
        if (!allowed.contains(by)) {
            throw OmaException.malformed("sort.by must be one of " + String.join(", ", allowed));
        }
        Comparator<T> comparator = byName.apply(by);
        return descending ? comparator.reversed() : comparator;
    }

    <T> List<T> page(List<T> sorted) {
        int from = Math.min(first, sorted.size());
        return sorted.subList(from, Math.min(sorted.size(), from + limit));
    }

    private static Pattern wildcard(String match) {
        StringBuilder regex = new StringBuilder();
        for (char c : match.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}

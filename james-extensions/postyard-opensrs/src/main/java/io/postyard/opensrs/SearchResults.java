package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A search answer: {@code count} on this page, {@code total_count} in all, and the items under their own name. */
final class SearchResults {
    static Map<String, Object> of(String name, List<Map<String, Object>> page, int total) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", page.size());
        answer.put("total_count", total);
        answer.put(name, page);
        return answer;
    }

    private SearchResults() {
    }
}

package io.postyard.mailgun;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.core.suppression.SuppressionPage;

/**
 * The absolute {@code paging} URLs of a list page. Pages are addressed by position (the key before or after them),
 * so following {@code next} never skips or repeats an entry; when there is nothing further, {@code next} is the
 * {@code last} URL, as with Mailgun.
 */
final class SuppressionPagingLinks {
    static Map<String, String> of(String listUrl, SuppressionPage page, int limit) {
        String first = listUrl + "?page=first&limit=" + limit;
        String last = listUrl + "?page=last&limit=" + limit;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("first", first);
        links.put("last", last);
        if (page.items().isEmpty()) {
            links.put("next", last);
            links.put("previous", first);
            return links;
        }
        String firstKey = page.items().get(0).key();
        String lastKey = page.items().get(page.items().size() - 1).key();
        links.put("next", page.hasAfter() ? listUrl + "?page=next&address=" + encode(lastKey) + "&limit=" + limit : last);
        links.put("previous", page.hasBefore() ? listUrl + "?page=previous&address=" + encode(firstKey) + "&limit=" + limit : first);
        return links;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private SuppressionPagingLinks() {
    }
}

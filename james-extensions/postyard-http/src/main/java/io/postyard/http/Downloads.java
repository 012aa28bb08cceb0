package io.postyard.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import spark.Response;

/**
 * A file sent as a download: its type, its length, and {@code Content-Disposition: attachment} with the name both as
 * a safe ASCII {@code filename} and, exactly, as RFC 5987 {@code filename*}; a name never breaks the header.
 */
public final class Downloads {
    public static byte[] attachment(Response response, String filename, String contentType, byte[] content) {
        response.type(contentType);
        response.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_")
            + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
        response.raw().setContentLength(content.length);
        return content;
    }

    private Downloads() {
    }
}

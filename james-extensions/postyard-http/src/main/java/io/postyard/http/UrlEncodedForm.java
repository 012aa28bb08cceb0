package io.postyard.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.google.common.collect.ImmutableListMultimap;

/**
 * Parses {@code application/x-www-form-urlencoded}. Unlike {@link java.net.URLDecoder} it rejects malformed escapes
 * and invalid UTF-8, so bad input becomes a 400 instead of replacement characters.
 */
final class UrlEncodedForm {
    static ImmutableListMultimap<String, String> parse(byte[] body) {
        ImmutableListMultimap.Builder<String, String> fields = ImmutableListMultimap.builder();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                addPair(fields, body, start, i);
                start = i + 1;
            }
        }
        return fields.build();
    }

    static ImmutableListMultimap<String, String> parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void addPair(ImmutableListMultimap.Builder<String, String> fields, byte[] body, int from, int to) {
        if (from >= to) {
            return;
        }
        int equals = -1;
        for (int i = from; i < to; i++) {
            if (body[i] == '=') {
                equals = i;
                break;
            }
        }
        if (equals < 0) {
            fields.put(decode(body, from, to), "");
        } else {
            fields.put(decode(body, from, equals), decode(body, equals + 1, to));
        }
    }

    private static String decode(byte[] encoded, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw ApiException.badRequest("Malformed form data: truncated % escape");
                }
                int high = Character.digit(encoded[i + 1], 16);
                int low = Character.digit(encoded[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw ApiException.badRequest("Malformed form data: invalid % escape");
                }
                bytes.write((high << 4) + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return StrictUtf8.decode(bytes.toByteArray());
    }

    private UrlEncodedForm() {
    }
}

package io.postyard.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import spark.Request;

/**
 * Reads a request body without ever holding more than the limit: the declared length is checked first, and bodies
 * of unknown length (chunked, or multipart which Spark does not cache) are cut off as soon as they pass it.
 */
public final class BodyReader {
    private static final String ATTRIBUTE = "postyard.body";

    public static void rejectDeclaredOversize(Request request, long maxBytes) {
        if (request.raw().getContentLengthLong() > maxBytes) {
            throw ApiException.payloadTooLarge(maxBytes);
        }
    }

    public static byte[] read(Request request, long maxBytes) {
        byte[] cached = request.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        rejectDeclaredOversize(request, maxBytes);
        try (InputStream in = request.raw().getInputStream()) {
            byte[] body = readAtMost(in, maxBytes);
            request.attribute(ATTRIBUTE, body);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read request body", e);
        }
    }

    /**
     * Reads and discards what is left of a body within the limit, so that a client that writes its whole request before
     * reading gets the error answer instead of a reset connection. Best effort: a body over the limit is left alone.
     */
    public static void drain(Request request, long maxBytes) {
        if (request.attribute(ATTRIBUTE) != null || request.raw().getContentLengthLong() > maxBytes) {
            return;
        }
        try (InputStream in = request.raw().getInputStream()) {
            in.skipNBytes(Math.max(0, request.raw().getContentLengthLong()));
        } catch (IOException | IllegalStateException e) {
            // Already read, or the client went away: nothing to do.
        }
    }

    static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw ApiException.payloadTooLarge(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private BodyReader() {
    }
}

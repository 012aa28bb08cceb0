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
    private static final String LIMIT = "postyard.bodyLimit";

    /** Installed once per request by the server, before any route: routes read bodies without knowing the limit. */
    static void limit(Request request, long maxBytes) {
        request.attribute(LIMIT, maxBytes);
    }

    /** The body, refused with 413 past the limit the server installed. */
    public static byte[] read(Request request) {
        Long maxBytes = request.attribute(LIMIT);
        if (maxBytes == null) {
            throw new IllegalStateException("No body limit installed for " + request.pathInfo());
        }
        return read(request, maxBytes);
    }

    public static void rejectDeclaredOversize(Request request, long maxBytes) {
        if (request.raw().getContentLengthLong() > maxBytes) {
            throw ApiException.payloadTooLarge(maxBytes);
        }
    }

    static byte[] read(Request request, long maxBytes) {
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
     * Reads and discards whatever a route left unread of the body, before the answer is committed. Jetty closes a
     * connection whose request body was not consumed, after the answer and without saying so; a keep-alive client then
     * sends its next request into a closed socket. A body beyond the limit is not read: the answer says
     * {@code Connection: close} instead, so that the client does not reuse the connection.
     */
    public static void drain(Request request, spark.Response response, long maxBytes) {
        if (request.raw().getContentLengthLong() > maxBytes) {
            response.header("Connection", "close");
            return;
        }
        try {
            InputStream in = request.raw().getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    response.header("Connection", "close");
                    return;
                }
            }
        } catch (IllegalStateException e) {
            // The body was read through a reader, to its end.
        } catch (IOException e) {
            response.header("Connection", "close");
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

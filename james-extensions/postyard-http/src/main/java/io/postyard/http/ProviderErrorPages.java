package io.postyard.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors Jetty answers itself, before any route (a path that does not decode, a header block too large, a
 * malformed request), in the error format of the provider whose prefix the path starts with, never Jetty's HTML.
 */
final class ProviderErrorPages extends ErrorHandler {
    private final Function<String, ErrorRenderer> renderers;

    ProviderErrorPages(Function<String, ErrorRenderer> renderers) {
        this.renderers = renderers;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code,
                                              String message) throws IOException {
        baseRequest.setHandled(true);
        byte[] body = render(Optional.ofNullable(request.getRequestURI()), code, message);
        response.setContentType(Json.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE));
        return ByteBuffer.wrap(render(MalformedRequestConnectionFactory.currentTarget(), status, reason));
    }

    private byte[] render(Optional<String> target, int status, String reason) {
        String path = target.map(ProviderErrorPages::pathOf).orElse("/");
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
        String message = Optional.ofNullable(reason).filter(text -> !text.isBlank())
            .orElseGet(() -> Optional.ofNullable(HttpStatus.getMessage(status)).orElse("Bad request"));
        return renderers.apply(path).render(new ApiError(status, code, message), RequestIds.choose(null))
            .getBytes(StandardCharsets.UTF_8);
    }

    /** The path of a request target (origin or absolute form), undecoded: a prefix is all that is needed. */
    private static String pathOf(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}

package io.postyard.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Reads each request body without holding a thread, before the request reaches a route. Routes read bodies the
 * blocking way; a client sending its body a byte a second would otherwise keep a worker thread for as long as it
 * likes, and a few dozen such clients would stall the whole port. Here the body is collected as it arrives (Servlet
 * non-blocking reads), and the request is dispatched to the routes once it is complete, with the body in memory.
 * A body past the limit is cut at the limit plus one byte: the route answers 413 and the connection is closed.
 */
final class BodyBufferingHandler extends HandlerWrapper {
    private static final String BODY = BodyBufferingHandler.class.getName() + ".body";
    /** Time a body has to arrive in whole, however steadily it trickles in; the idle timeout still applies meanwhile. */
    static final Duration BODY_DEADLINE = Duration.ofMinutes(5);

    private final long maxBodyBytes;

    BodyBufferingHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Object body = request.getAttribute(BODY);
        if (body instanceof byte[] bytes) {
            super.handle(target, baseRequest, new BufferedBodyRequest(request, bytes), response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request) || request.getContentLengthLong() > maxBodyBytes) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(BODY_DEADLINE.toMillis());
        async.addListener(new GiveUp(response));
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new Collector(request, response, in, async));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null);
    }

    private final class Collector implements ReadListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ServletInputStream in;
        private final AsyncContext async;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[16 * 1024];
        private boolean dispatched;

        private Collector(HttpServletRequest request, HttpServletResponse response, ServletInputStream in, AsyncContext async) {
            this.request = request;
            this.response = response;
            this.in = in;
            this.async = async;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!dispatched && in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                body.write(buffer, 0, (int) Math.min(read, maxBodyBytes + 1 - body.size()));
                if (body.size() > maxBodyBytes) {
                    dispatch();
                }
            }
        }

        @Override
        public void onAllDataRead() {
            dispatch();
        }

        /** The client went away, or broke the body's framing: it gets a 400 if it is still there to read it. */
        @Override
        public void onError(Throwable failure) {
            if (!dispatched) {
                dispatched = true;
                try {
                    response.setHeader("Connection", "close");
                    response.sendError(400, "The request body could not be read");
                } catch (IOException | IllegalStateException gone) {
                    // Nobody left to answer.
                } finally {
                    async.complete();
                }
            }
        }

        private void dispatch() {
            if (!dispatched) {
                dispatched = true;
                request.setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }
    }

    /** A body that did not arrive by the deadline is answered 408, and the connection is closed. */
    private record GiveUp(HttpServletResponse response) implements AsyncListener {
        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            response.setHeader("Connection", "close");
            response.sendError(408, "The request body did not arrive in time");
            event.getAsyncContext().complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            event.getAsyncContext().complete();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final ServletInputStream body;

        private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = stream(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        private static ServletInputStream stream(byte[] body) {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is here: a non-blocking reader may read it all at once, then learns it is done. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }
            };
        }
    }
}

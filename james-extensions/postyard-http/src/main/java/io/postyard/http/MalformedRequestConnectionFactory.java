package io.postyard.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, corrected for the requests Jetty refuses itself, from its parser (a target that does
 * not decode, a header block too large, a malformed header), before any handler sees them:
 * <ul>
 * <li>each request's target is remembered while Jetty parses it, because Jetty answers with no request at hand; the
 * target tells which provider's error format that answer must be in ({@link ProviderErrorPages});</li>
 * <li>after such an answer Jetty 9.4 closes the socket at once, with the request's body still arriving. The kernel then
 * resets the connection, and a client still writing its body loses the answer it had not read yet (Java's HTTP
 * client then reports "header parser received no bytes"). The connection instead lingers: the answer is sent and the
 * output shut, the rest of the body is read and discarded, and the socket is closed at the client's end of stream or
 * after {@link #LINGER}, whichever comes first.</li>
 * </ul>
 */
final class MalformedRequestConnectionFactory extends HttpConnectionFactory {
    /** How long a refused request's body is still read, so that the client reads the refusal; then the socket closes. */
    static final Duration LINGER = Duration.ofSeconds(5);
    private static final ThreadLocal<RecordingConnection> PARSING = new ThreadLocal<>();

    MalformedRequestConnectionFactory(HttpConnectionFactory original) {
        super(original.getHttpConfiguration(), original.getHttpCompliance());
        setRecordHttpComplianceViolations(original.isRecordHttpComplianceViolations());
    }

    /** The target of the request the current thread is parsing, if its request line was read. */
    static Optional<String> currentTarget() {
        return Optional.ofNullable(PARSING.get()).flatMap(connection -> Optional.ofNullable(connection.target));
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return configure(new RecordingConnection(this, connector, endPoint), connector, endPoint);
    }

    private static final class RecordingConnection extends HttpConnection {
        private volatile String target;

        private RecordingConnection(HttpConnectionFactory factory, Connector connector, EndPoint endPoint) {
            super(factory.getHttpConfiguration(), connector, endPoint, factory.getHttpCompliance(),
                factory.isRecordHttpComplianceViolations());
        }

        @Override
        protected HttpChannelOverHttp newHttpChannel() {
            return new HttpChannelOverHttp(this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                @Override
                public boolean startRequest(String method, String uri, HttpVersion version) {
                    target = uri;
                    return super.startRequest(method, uri, version);
                }
            };
        }

        /**
         * Jetty aborts a connection whose malformed request it has answered in full. With the answer out and the output
         * shut, nothing is left to abort: reading goes on (Jetty's parser discards what it reads once it is closed, and
         * closes the socket at the end of stream), with a deadline.
         */
        @Override
        public void abort(Throwable failure) {
            if (getEndPoint().isOpen() && getEndPoint().isOutputShutdown()) {
                getConnector().getScheduler().schedule(getEndPoint()::close, LINGER.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            super.abort(failure);
        }

        @Override
        public void onFillable() {
            PARSING.set(this);
            try {
                super.onFillable();
            } finally {
                PARSING.remove();
            }
        }
    }
}

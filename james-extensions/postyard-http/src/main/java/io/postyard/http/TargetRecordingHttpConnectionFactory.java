package io.postyard.http;

import java.util.Optional;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, remembering each request's target while Jetty parses it. Jetty answers a request it
 * cannot parse (a header block too large, a malformed header) itself, from its parser, with no request at hand; the
 * target tells which provider's error format that answer must be in ({@link ProviderErrorPages}).
 */
final class TargetRecordingHttpConnectionFactory extends HttpConnectionFactory {
    private static final ThreadLocal<RecordingConnection> PARSING = new ThreadLocal<>();

    TargetRecordingHttpConnectionFactory(HttpConnectionFactory original) {
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

package io.postyard.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The public port's Jetty, guarded against clients that are slow or many: a connection silent for the idle timeout is
 * closed, and so is one that has not finished its first request's headers within the header timeout (Jetty 9.4 has
 * no header timeout, and its idle timeout restarts with every byte); one client address holds at most so many
 * connections; request bodies are read without holding a thread ({@link BodyBufferingHandler}). It names no
 * version, and the errors it answers itself are in the provider's format ({@link ProviderErrorPages}).
 */
final class GuardedJettyServer extends Server {
    private final Guards guards;

    /** The limits, and the error format for a path. */
    record Guards(Duration idleTimeout, Duration headerTimeout, int maxConnectionsPerAddress, long maxBodyBytes,
                  Function<String, ErrorRenderer> errors) {
    }

    GuardedJettyServer(ThreadPool threadPool, Guards guards) {
        super(threadPool);
        this.guards = guards;
        setErrorHandler(new ProviderErrorPages(guards.errors()));
    }

    @Override
    public void setConnectors(Connector[] connectors) {
        for (Connector connector : connectors) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setIdleTimeout(guards.idleTimeout().toMillis());
                serverConnector.addBean(new FirstRequestDeadline(serverConnector));
                serverConnector.addBean(new PerAddressConnectionLimit(guards.maxConnectionsPerAddress()));
                handleMalformedRequests(serverConnector);
            }
        }
        super.setConnectors(connectors);
    }

    @Override
    public void setHandler(Handler handler) {
        BodyBufferingHandler buffering = new BodyBufferingHandler(guards.maxBodyBytes());
        buffering.setHandler(handler);
        super.setHandler(buffering);
    }

    /** Jetty's HTTP/1.1 factory, in its place in the chain (after TLS's), replaced by one that handles malformed requests. */
    private static void handleMalformedRequests(ServerConnector connector) {
        List<ConnectionFactory> factories = new ArrayList<>();
        for (ConnectionFactory factory : connector.getConnectionFactories()) {
            if (factory instanceof HttpConnectionFactory http) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
                factories.add(new MalformedRequestConnectionFactory(http));
            } else {
                factories.add(factory);
            }
        }
        connector.setConnectionFactories(factories);
    }

    private final class FirstRequestDeadline implements Connection.Listener {
        private final ServerConnector connector;

        private FirstRequestDeadline(ServerConnector connector) {
            this.connector = connector;
        }

        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) {
                connector.getScheduler().schedule(() -> closeIfNoRequestYet(http), guards.headerTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            }
        }

        private void closeIfNoRequestYet(HttpConnection connection) {
            if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0) {
                connection.getEndPoint().close();
            }
        }

        @Override
        public void onClosed(Connection connection) {
        }
    }
}

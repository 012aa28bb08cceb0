package io.postyard.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * A Jetty server whose connectors close a connection that stays silent for the idle timeout, and one that has not
 * finished sending its first request's headers within the header timeout. Jetty 9.4 has no header timeout of its
 * own, and its idle timeout restarts with every byte, so a client dripping a header line every few seconds would
 * otherwise hold its connection for as long as it likes.
 */
final class GuardedJettyServer extends Server {
    private final Duration idleTimeout;
    private final Duration headerTimeout;

    GuardedJettyServer(ThreadPool threadPool, Duration idleTimeout, Duration headerTimeout) {
        super(threadPool);
        this.idleTimeout = idleTimeout;
        this.headerTimeout = headerTimeout;
    }

    @Override
    public void setConnectors(Connector[] connectors) {
        for (Connector connector : connectors) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setIdleTimeout(idleTimeout.toMillis());
                serverConnector.addBean(new FirstRequestDeadline(serverConnector));
            }
        }
        super.setConnectors(connectors);
    }

    private final class FirstRequestDeadline implements Connection.Listener {
        private final ServerConnector connector;

        private FirstRequestDeadline(ServerConnector connector) {
            this.connector = connector;
        }

        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) {
                connector.getScheduler().schedule(() -> closeIfNoRequestYet(http), headerTimeout.toMillis(), TimeUnit.MILLISECONDS);
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

package io.postyard.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnection;

/**
 * At most so many open connections from one client address; a connection beyond is closed as soon as it opens. One
 * client cannot hold every file descriptor and buffer of the port, whatever pace it sends at; other addresses are
 * served meanwhile.
 */
final class PerAddressConnectionLimit implements Connection.Listener {
    private final int limit;
    private final ConcurrentMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    PerAddressConnectionLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection);
        if (address == null) {
            return;
        }
        int count = open.computeIfAbsent(address, any -> new AtomicInteger()).incrementAndGet();
        if (count > limit) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = addressOf(connection);
        if (address == null) {
            return;
        }
        open.computeIfPresent(address, (any, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** HTTP connections only: under TLS, the TLS connection and the HTTP one inside it are one client connection. */
    private static InetAddress addressOf(Connection connection) {
        if (!(connection instanceof HttpConnection)) {
            return null;
        }
        InetSocketAddress remote = connection.getEndPoint().getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}

package io.postyard.http;


import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * Builds the public port's Jetty as Spark would, but with connections that do not wait forever: Spark gives every
 * connector an idle timeout of one hour, which lets a client that opens connections and never finishes a request
 * (slowloris) keep them all.
 */
final class GuardedJettyServerFactory implements JettyServerFactory {
    private final GuardedJettyServer.Guards guards;

    GuardedJettyServerFactory(GuardedJettyServer.Guards guards) {
        this.guards = guards;
    }

    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        return create(maxThreads > 0 ? new QueuedThreadPool(maxThreads, Math.max(minThreads, 1), threadTimeoutMillis) : new QueuedThreadPool());
    }

    @Override
    public Server create(ThreadPool threadPool) {
        return new GuardedJettyServer(threadPool, guards);
    }
}

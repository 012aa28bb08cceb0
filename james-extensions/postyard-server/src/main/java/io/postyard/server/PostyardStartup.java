package io.postyard.server;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.apache.james.utils.InitializationOperation;

import io.postyard.camel.CamelRuntime;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.http.PublicHttpServer;

/**
 * Starts Postyard's own parts once James is up: James runs the operations of its started components first, and this
 * one belongs to no component, so the public API only opens when SMTP, IMAP and the stores are ready.
 */
public class PostyardStartup implements InitializationOperation {
    /** Never instantiated: it only keeps this operation out of James's per-component ordering. */
    interface Marker extends Startable {
    }

    private final AccountBootstrap accountBootstrap;
    private final Set<StartupTask> tasks;
    private final CamelRuntime camel;
    private final PublicHttpServer publicHttpServer;

    @Inject
    public PostyardStartup(AccountBootstrap accountBootstrap, Set<StartupTask> tasks, CamelRuntime camel, PublicHttpServer publicHttpServer) {
        this.accountBootstrap = accountBootstrap;
        this.tasks = Set.copyOf(tasks);
        this.camel = camel;
        this.publicHttpServer = publicHttpServer;
    }

    @Override
    public void initModule() throws Exception {
        accountBootstrap.run();
        tasks.forEach(StartupTask::run);
        camel.start();
        publicHttpServer.start();
    }

    @Override
    public Class<? extends Startable> forClass() {
        return Marker.class;
    }
}

package io.postyard.server;

import java.net.InetSocketAddress;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.protocols.lib.netty.AbstractConfigurableAsyncServer;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.apache.james.utils.GuiceProbe;

import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.PostyardEvent;
import io.postyard.http.ProviderApi;
import io.postyard.http.PublicHttpServer;

/** The ports a started server really listens on, for tests that bind everything to port 0. */
public class PostyardProbe implements GuiceProbe {
    private final PublicHttpServer publicHttpServer;
    private final SMTPServerFactory smtpServers;
    private final EventPublisher events;

    @Inject
    public PostyardProbe(PublicHttpServer publicHttpServer, SMTPServerFactory smtpServers, EventPublisher events) {
        this.publicHttpServer = publicHttpServer;
        this.smtpServers = smtpServers;
        this.events = events;
    }

    /** Publishes an event as a mailet would, for tests of what consumes events. */
    public void publish(PostyardEvent event) {
        events.publish(event);
    }

    public int httpPort() {
        return publicHttpServer.port();
    }

    public List<ProviderApi> providers() {
        return publicHttpServer.providers();
    }

    public List<String> publicRoutes() {
        return publicHttpServer.routes();
    }

    public int inboundSmtpPort() {
        return smtpPort(0);
    }

    public int submissionPort() {
        return smtpPort(1);
    }

    private int smtpPort(int index) {
        AbstractConfigurableAsyncServer server = smtpServers.getServers().get(index);
        return server.getListenAddresses().stream()
            .findFirst()
            .map(InetSocketAddress::getPort)
            .orElseThrow(() -> new IllegalStateException("SMTP server " + index + " is not listening"));
    }
}

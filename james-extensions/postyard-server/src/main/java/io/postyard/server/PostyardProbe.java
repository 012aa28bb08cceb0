package io.postyard.server;

import java.net.InetSocketAddress;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.pop3server.netty.POP3ServerFactory;
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
    private final IMAPServerFactory imapServers;
    private final POP3ServerFactory pop3Servers;
    private final EventPublisher events;

    @Inject
    public PostyardProbe(PublicHttpServer publicHttpServer, SMTPServerFactory smtpServers, IMAPServerFactory imapServers,
                         POP3ServerFactory pop3Servers, EventPublisher events) {
        this.publicHttpServer = publicHttpServer;
        this.smtpServers = smtpServers;
        this.imapServers = imapServers;
        this.pop3Servers = pop3Servers;
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

    /** Submission over implicit TLS; listening only when a TLS keystore is configured. */
    public int smtpsPort() {
        return smtpPort(2);
    }

    /**
     * By position in {@code imapserver.xml}: James's own probe picks IMAP by its TLS mode, and takes the IMAPS listener
     * for plain IMAP once the first one offers STARTTLS.
     */
    public int imapPort() {
        return port(imapServers.getServers(), 0, "IMAP");
    }

    /** IMAP over implicit TLS; listening only when a TLS keystore is configured. */
    public int imapsPort() {
        return port(imapServers.getServers(), 1, "IMAP");
    }

    public int pop3Port() {
        return port(pop3Servers.getServers(), 0, "POP3");
    }

    /** POP3 over implicit TLS; listening only when a TLS keystore is configured. */
    public int pop3sPort() {
        return port(pop3Servers.getServers(), 1, "POP3");
    }

    public boolean tls() {
        return publicHttpServer.secure();
    }

    private int smtpPort(int index) {
        return port(smtpServers.getServers(), index, "SMTP");
    }

    private static int port(List<AbstractConfigurableAsyncServer> servers, int index, String protocol) {
        if (index >= servers.size()) {
            throw new IllegalStateException(protocol + " server " + index + " is not configured");
        }
        return servers.get(index).getListenAddresses().stream()
            .findFirst()
            .map(InetSocketAddress::getPort)
            .orElseThrow(() -> new IllegalStateException(protocol + " server " + index + " is not listening"));
    }
}

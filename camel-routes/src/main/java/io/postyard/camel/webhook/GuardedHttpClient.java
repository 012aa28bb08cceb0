package io.postyard.camel.webhook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.util.Timeout;

import io.postyard.core.webhook.WebhookUrlPolicy;

/**
 * The HTTP client webhooks are posted with. It reads at most a few kilobytes of a receiver's answer (only its status
 * matters, and a hostile receiver must not make us buffer a huge body), follows no redirect, never retries on its own,
 * bounds connections per host so a slow receiver cannot take them all, and connects only to addresses the
 * {@link WebhookUrlPolicy} permits, whatever DNS answers at connection time.
 */
public class GuardedHttpClient implements HttpClientConfigurer {
    static final int MAX_RESPONSE_BYTES = 16 * 1024;
    static final int CONNECTIONS_PER_HOST = 4;
    static final int CONNECTIONS_IN_ALL = 200;

    private final WebhookUrlPolicy policy;
    private final Duration timeout;

    public GuardedHttpClient(WebhookUrlPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        Timeout limit = Timeout.of(timeout);
        builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new PermittedAddresses())
            .setMaxConnPerRoute(CONNECTIONS_PER_HOST)
            .setMaxConnTotal(CONNECTIONS_IN_ALL)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
            .build());
        builder.disableRedirectHandling();
        // The engine's schedule decides every retry; HttpClient's own would repeat a 503 unseen and skew attempt counts.
        builder.disableAutomaticRetries();
        builder.addResponseInterceptorLast((response, entity, context) -> {
            if (response instanceof ClassicHttpResponse classic && classic.getEntity() != null) {
                classic.setEntity(new Bounded(classic.getEntity()));
            }
        });
    }

    private final class PermittedAddresses implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                if (!policy.permits(address)) {
                    throw new UnknownHostException(host + " resolves to an internal address; webhooks may not reach it");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    private static final class Bounded extends HttpEntityWrapper {
        private Bounded(HttpEntity wrapped) {
            super(wrapped);
        }

        @Override
        public InputStream getContent() throws IOException {
            return new Limited(super.getContent());
        }

        @Override
        public long getContentLength() {
            long length = super.getContentLength();
            return length < 0 ? -1 : Math.min(length, MAX_RESPONSE_BYTES);
        }

        @Override
        public boolean isStreaming() {
            return true;
        }
    }

    /** Ends the stream after the limit, as if the body stopped there. */
    private static final class Limited extends FilterInputStream {
        private long remaining = MAX_RESPONSE_BYTES;

        private Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                remaining--;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}

package io.postyard.camel.webhook;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Bounds the attempts in flight to one host. An attempt over the bound is parked, holding no thread, and resumes when
 * an attempt to the same host ends; so a slow receiver keeps its own deliveries waiting, never the other receivers'.
 */
final class HostPermits extends AsyncProcessorSupport implements AsyncProcessor {
    private static final String HELD = "PostyardHostPermit";

    private static final class Host {
        private int inFlight;
        private final Deque<Runnable> waiting = new ArrayDeque<>();
    }

    private final int perHost;
    private final Function<Exchange, URI> urlOf;
    private final Executor resumer;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    HostPermits(int perHost, Function<Exchange, URI> urlOf, Executor resumer) {
        this.perHost = perHost;
        this.urlOf = urlOf;
        this.resumer = resumer;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        URI url = urlOf.apply(exchange);
        String key = url.getHost() + ":" + url.getPort();
        Host host = hosts.computeIfAbsent(key, any -> new Host());
        synchronized (host) {
            if (host.inFlight >= perHost) {
                host.waiting.add(() -> {
                    exchange.setProperty(HELD, key);
                    callback.done(false);
                });
                return false;
            }
            host.inFlight++;
        }
        exchange.setProperty(HELD, key);
        callback.done(true);
        return true;
    }

    /** Ends the exchange's attempt: its permit passes to the next parked attempt to that host, if any. */
    void release(Exchange exchange) {
        String key = exchange.getProperty(HELD, String.class);
        if (key == null) {
            return;
        }
        exchange.removeProperty(HELD);
        Host host = hosts.get(key);
        Runnable next;
        synchronized (host) {
            next = host.waiting.poll();
            if (next == null) {
                host.inFlight--;
            }
        }
        if (next != null) {
            resumer.execute(next);
        }
    }
}

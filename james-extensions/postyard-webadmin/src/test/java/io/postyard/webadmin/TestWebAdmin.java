package io.postyard.webadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.apache.james.webadmin.mdc.LoggingRequestFilter;
import org.reactivestreams.Publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * James's own WebAdmin server on a random port, serving only the routes under test, so that their JSON, status codes
 * and error format are James's and not a stand-in's; with a plain HTTP client to call it.
 */
final class TestWebAdmin extends WebAdminServer {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestWebAdmin(List<Routes> routes) {
        super(WebAdminConfiguration.TEST_CONFIGURATION, routes, new NoAuthenticationFilter(), new NoMetrics(),
            LoggingRequestFilter.create());
    }

    static TestWebAdmin serving(Routes... routes) {
        TestWebAdmin server = new TestWebAdmin(List.of(routes));
        server.start();
        return server;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + getPort().getValue() + path)).timeout(Duration.ofSeconds(10));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response as the client saw it; {@link #json()} fails the test when the body is not JSON. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** WebAdmin times every request; these tests have no use for the figures. */
    @SuppressWarnings("deprecation") // MetricFactory still declares the deprecated P99 variants abstract.
    private static final class NoMetrics implements MetricFactory {
        @Override
        public Metric generate(String name) {
            return new Metric() {
                @Override
                public void increment() {
                }

                @Override
                public void decrement() {
                }

                @Override
                public void add(int value) {
                }

                @Override
                public void remove(int value) {
                }

                @Override
                public long getCount() {
                    return 0;
                }
            };
        }

        @Override
        public TimeMetric timer(String name) {
            return new TimeMetric() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public ExecutionResult stopAndPublish() {
                    return new ExecutionResult() {
                        @Override
                        public Duration elasped() {
                            return Duration.ZERO;
                        }

                        @Override
                        public ExecutionResult logWhenExceedP99(Duration threshold) {
                            return this;
                        }
                    };
                }
            };
        }

        @Override
        public <T> T decorateSupplierWithTimerMetric(String name, Supplier<T> operation) {
            return operation.get();
        }

        @Override
        public <T> Publisher<T> decoratePublisherWithTimerMetric(String name, Publisher<T> publisher) {
            return publisher;
        }

        @Override
        public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
            return publisher;
        }
    }
}

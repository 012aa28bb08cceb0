package io.postyard.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.core.healthcheck.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.postyard.core.health.ReadinessCheck;
import io.postyard.core.sending.MessageTooLargeException;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.settings.TlsKeystore;
import io.postyard.core.storage.StorageAvailability;
import spark.Request;
import spark.Response;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;

/**
 * The public API port. It owns what every provider shares (request ids, the body limit, the access log, error
 * rendering, {@code /healthz}) and mounts each {@link ProviderApi} under its prefix. It runs on its own Spark
 * {@link Service}, so on the Jetty 9.4 that James's WebAdmin already brings.
 */
public class PublicHttpServer {
    private static final Logger LOGGER = LoggerFactory.getLogger(PublicHttpServer.class);
    private static final ErrorRenderer PLAIN_ERRORS = (error, requestId) ->
        Json.write(Map.of("error", error.code().name().toLowerCase(), "message", error.message()));
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Set<String> ROUTABLE_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
        "CONNECT");

    private final PostyardSettings settings;
    private final List<ProviderApi> providers;
    private final Set<HealthCheck> healthChecks;
    private final StorageAvailability storage;
    private final Set<ReadinessCheck> readiness;
    private final ApiRequestMetrics requestMetrics;
    private final Optional<TlsKeystore> keystore;
    private final Service service;
    private volatile RouteTable routeTable;

    @Inject
    public PublicHttpServer(PostyardSettings settings, Set<ProviderApi> providers, Set<HealthCheck> healthChecks,
                            StorageAvailability storage, Set<ReadinessCheck> readiness, MeterRegistry meters) {
        this.settings = settings;
        this.providers = providers.stream()
            .sorted(Comparator.comparing(ProviderApi::prefix))
            .toList();
        this.requestMetrics = new ApiRequestMetrics(meters, this.providers.stream().map(ProviderApi::prefix).toList());
        this.healthChecks = healthChecks;
        this.storage = storage;
        this.readiness = Set.copyOf(readiness);
        this.keystore = TlsKeystore.from(settings);
        this.service = Service.ignite();
    }

    public void start() {
        long maxBody = settings.getLong(Setting.HTTP_MAX_BODY_BYTES);
        service.ipAddress(settings.get(Setting.HTTP_HOST));
        service.port(settings.getInt(Setting.HTTP_PORT));
        service.threadPool(settings.getInt(Setting.HTTP_MAX_THREADS), 4, IDLE_TIMEOUT_MILLIS);
        guardConnections();
        service.initExceptionHandler(e -> LOGGER.error("Public HTTP server failed to start", e));
        // Spark takes the connector's TLS only before the first route; then the port speaks HTTPS and nothing else.
        // No truststore: clients are not asked for certificates.
        keystore.ifPresent(store -> service.secure(store.path().toString(), store.password(), null, null));

        service.before((request, response) -> {
            AccessLog.start(request);
            String requestId = RequestIds.choose(request.headers(RequestIds.HEADER));
            request.attribute(RequestIds.ATTRIBUTE, requestId);
            MDC.put(RequestIds.MDC_KEY, requestId);
            response.header(RequestIds.HEADER, requestId);
            BodyReader.rejectDeclaredOversize(request, maxBody);
            BodyReader.limit(request, maxBody);
            RequestPaths.requireWellFormed(request.raw().getRequestURI());
            refuseUnknownMethod(request);
        });
        service.get("/healthz", Json.route((request, response) -> {
            HealthReport.Body report = HealthReport.run(healthChecks);
            response.status(report.status().equals("healthy") ? 200 : 503);
            return report;
        }));
        service.get("/readyz", Json.route((request, response) -> {
            ReadinessReport.Body report = ReadinessReport.run(storage, readiness, healthChecks);
            response.status(report.status().equals("ready") ? 200 : 503);
            return report;
        }));
        providers.forEach(provider -> provider.define(service));
        defineCatchAllNotFound();

        service.exception(ApiException.class, (exception, request, response) ->
            renderError(request, response, exception.error(), exception.headers()));
        service.exception(MessageTooLargeException.class, (exception, request, response) ->
            renderError(request, response, new ApiError(413, ErrorCode.PAYLOAD_TOO_LARGE, exception.getMessage()), Map.of()));
        service.exception(Exception.class, (exception, request, response) -> {
            if (storage.isOutage(exception)) {
                // Retryable, as any 503: clients of every provider try again after one. No stack trace: nothing is broken.
                LOGGER.warn("Storage unavailable on {} {}: {}", request.requestMethod(), AccessLog.sanitize(request.pathInfo()),
                    exception.getMessage());
                renderError(request, response, new ApiError(503, ErrorCode.INTERNAL, "Storage temporarily unavailable; try again shortly"),
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
                return;
            }
            LOGGER.error("Unexpected error on {} {}", request.requestMethod(), AccessLog.sanitize(request.pathInfo()), exception);
            renderError(request, response, new ApiError(500, ErrorCode.INTERNAL, "Internal server error"), Map.of());
        });
        service.afterAfter((request, response) -> {
            BodyReader.drain(request, response, maxBody);
            AccessLog.log(request, response);
            requestMetrics.record(request, response);
            MDC.remove(RequestIds.MDC_KEY);
        });

        service.awaitInitialization();
        LOGGER.info("Public HTTP API listening on {}://{}:{}{}", secure() ? "https" : "http", settings.get(Setting.HTTP_HOST),
            service.port(), keystore.map(store -> " with the certificate of " + store.path()).orElse(""));
    }

    /** Spark's servers are registered globally by name; each instance registers its own, with its own settings. */
    private void guardConnections() {
        String identifier = "postyard-public-" + System.identityHashCode(this);
        EmbeddedServers.add(identifier, new EmbeddedJettyFactory(new GuardedJettyServerFactory(new GuardedJettyServer.Guards(
            settings.getDuration(Setting.HTTP_IDLE_TIMEOUT), settings.getDuration(Setting.HTTP_HEADER_TIMEOUT),
            settings.getInt(Setting.HTTP_MAX_CONNECTIONS_PER_IP), settings.getLong(Setting.HTTP_MAX_BODY_BYTES), this::rendererFor))));
        service.embeddedServerIdentifier(identifier);
    }

    /**
     * Spark's notFound page is global to every Spark service in the JVM, WebAdmin's included, so routes do it: a path
     * no route serves is 404, a path served for other methods is 405 with {@code Allow}, in the provider's format.
     */
    private void defineCatchAllNotFound() {
        spark.Route unmatched = (request, response) -> {
            throw unmatched(request);
        };
        service.get("*", unmatched);
        service.post("*", unmatched);
        service.put("*", unmatched);
        service.patch("*", unmatched);
        service.delete("*", unmatched);
        service.head("*", unmatched);
        service.options("*", unmatched);
        service.trace("*", unmatched);
        service.connect("*", unmatched);
    }

    /** A method Spark has no routes for at all (a made-up one) is refused before routing, in the provider's format. */
    private static void refuseUnknownMethod(Request request) {
        if (!ROUTABLE_METHODS.contains(request.requestMethod())) {
            throw ApiException.methodNotAllowed(AccessLog.sanitize(request.requestMethod()), List.of());
        }
    }

    private ApiException unmatched(Request request) {
        List<String> allowed = routeTable().methodsServing(request.pathInfo());
        return allowed.isEmpty() ? ApiException.notFound("Not Found") : ApiException.methodNotAllowed(request.requestMethod(), allowed);
    }

    private RouteTable routeTable() {
        RouteTable table = routeTable;
        if (table == null) {
            table = RouteTable.of(routes());
            routeTable = table;
        }
        return table;
    }

    private void renderError(Request request, Response response, ApiError error, Map<String, String> headers) {
        response.status(error.status());
        response.type(Json.CONTENT_TYPE);
        headers.forEach(response::header);
        response.body(rendererFor(request.raw().getRequestURI()).render(error, RequestIds.of(request)));
    }

    /** By the path as the client sent it: {@code /opensrs/api/../x} is an OMA client's request, whatever it resolves to. */
    private ErrorRenderer rendererFor(String path) {
        return Optional.ofNullable(path)
            .flatMap(p -> providers.stream()
                .filter(provider -> p.equals(provider.prefix()) || p.startsWith(provider.prefix() + "/"))
                .findFirst())
            .map(ProviderApi::errors)
            .orElse(PLAIN_ERRORS);
    }

    /** Every route served, as {@code METHOD /path/:param}, without the catch-all not-found routes. */
    public List<String> routes() {
        return service.routes().stream()
            .filter(route -> !route.getMatchUri().equals("*"))
            .filter(route -> !route.getHttpMethod().name().equals("before") && !route.getHttpMethod().name().equals("after")
                && !route.getHttpMethod().name().equals("afterafter"))
            .map(route -> route.getHttpMethod().name().toUpperCase(java.util.Locale.ROOT) + " " + route.getMatchUri())
            .distinct()
            .sorted()
            .toList();
    }

    public List<ProviderApi> providers() {
        return providers;
    }

    public int port() {
        return service.port();
    }

    /** Whether the public port speaks HTTPS (a TLS keystore is configured). */
    public boolean secure() {
        return keystore.isPresent();
    }

    @PreDestroy
    public void stop() {
        service.stop();
        service.awaitStop();
    }
}

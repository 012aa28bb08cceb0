package io.postyard.camel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.RetrySchedule;
import io.postyard.core.webhook.SignedRequest;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookUrlPolicy;

/**
 * The webhook delivery engine. A delivery id enters a SEDA queue and is claimed in the outbox; its scheme's route
 * calls the attempt route, which signs the payload anew and posts it with camel-http. A retryable answer or an I/O
 * failure makes Camel's dead letter channel redeliver the whole attempt on the scheme's schedule (asynchronously, so
 * waiting holds no thread); a code the scheme treats as final ends it as rejected; an exhausted delivery goes to the
 * dead letters. Every attempt is written to the outbox.
 */
public class WebhookDeliveryRoutes extends RouteBuilder {
    private static final String SCHEME = "PostyardScheme";
    private static final String REFUSAL = "PostyardRefusal";
    private static final String ATTEMPT_AT = "PostyardAttemptAt";

    private final WebhookOutbox outbox;
    private final Map<String, WebhookScheme> schemes;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;
    private final double scale;
    private final WebhookMetrics metrics;
    private HostPermits permits;

    @Inject
    public WebhookDeliveryRoutes(WebhookOutbox outbox, Set<WebhookScheme> schemes, WebhookUrlPolicy urlPolicy, Clock clock,
                                 PostyardSettings settings, MeterRegistry meters) {
        this.metrics = new WebhookMetrics(meters);
        this.outbox = outbox;
        this.schemes = schemes.stream().collect(Collectors.toMap(WebhookScheme::name, Function.identity()));
        this.urlPolicy = urlPolicy;
        this.clock = clock;
        this.scale = scaleOf(settings.get(Setting.WEBHOOK_SCHEDULE_SCALE));
    }

    @Override
    public void configure() {
        permits = new HostPermits(GuardedHttpClient.CONNECTIONS_PER_HOST,
            exchange -> delivery(exchange).map(WebhookDelivery::url).orElseThrow(),
            getContext().getExecutorServiceManager().newThreadPool(this, "postyard-webhook-resume", 2, 8));
        from(WebhookEndpoints.QUEUE).routeId("webhook-dispatch")
            .setProperty(WebhookEndpoints.DELIVERY_ID, body())
            .filter(exchange -> outbox.claim(deliveryId(exchange)))
            .process(exchange -> exchange.setProperty(SCHEME, outbox.get(deliveryId(exchange)).map(WebhookDelivery::scheme)
                .filter(schemes::containsKey).orElse("")))
            .choice()
                .when(exchangeProperty(SCHEME).isEqualTo("")).log(LoggingLevel.WARN,
                    "Webhook delivery ${exchangeProperty.PostyardDeliveryId} has no known scheme")
                .otherwise().toD(WebhookEndpoints.schemeRoute("${exchangeProperty." + SCHEME + "}"))
            .end();

        schemes.values().forEach(this::schemeRoutes);

        from(WebhookEndpoints.DEAD).routeId("webhook-dead")
            .process(exchange -> recordFailure(exchange, Optional.of(DeliveryStatus.DEAD)));
    }

    private void schemeRoutes(WebhookScheme webhooks) {
        String scheme = webhooks.name();
        RetrySchedule schedule = webhooks.schedule();
        String attempt = "direct:postyard-webhook-attempt-" + scheme;
        from(WebhookEndpoints.schemeRoute(scheme)).routeId("webhook-" + scheme)
            .errorHandler(deadLetterChannel(WebhookEndpoints.DEAD)
                .maximumRedeliveries(schedule.delays().size())
                .delayPattern(schedule.delayPattern(scale))
                .asyncDelayedRedelivery()
                .onRedelivery(exchange -> recordFailure(exchange, Optional.empty()))
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .logStackTrace(false))
            .process(this::checkUrl)
            .choice()
                .when(exchangeProperty(REFUSAL).isNotNull())
                    .process(exchange -> save(exchange, delivery -> delivery
                        .attempted(Optional.empty(), Optional.of(exchange.getProperty(REFUSAL, String.class)), clock.instant())
                        .withStatus(DeliveryStatus.REJECTED)))
                .otherwise()
                    .to(attempt)
                    .process(exchange -> recordAnswer(exchange, finalCodeOf(exchange, schedule)
                        ? DeliveryStatus.REJECTED : DeliveryStatus.DELIVERED))
            .end();

        String client = "postyardHttp" + scheme;
        getContext().getRegistry().bind(client, new GuardedHttpClient(urlPolicy, schedule.timeout()));
        from(attempt).routeId("webhook-attempt-" + scheme)
            .errorHandler(noErrorHandler())
            .process(permits)
            .doTry()
                .process(this::sign)
                .to(httpEndpoint(client, schedule))
                .process(exchange -> {
                    int code = responseCode(exchange);
                    boolean success = code >= 200 && code < 300;
                    if (!success && !schedule.finalCodes().contains(code)) {
                        throw new RetryableAnswerException(code);
                    }
                })
            .doFinally()
                .process(permits::release)
            .end();
    }

    private static String httpEndpoint(String client, RetrySchedule schedule) {
        return "http://webhook-receiver?throwExceptionOnFailure=false&followRedirects=false"
            + "&httpClientConfigurer=#" + client
            + "&connectionRequestTimeout=" + schedule.timeout().toMillis()
            + "&responseTimeout=" + schedule.timeout().toMillis();
    }

    /** Checked on every delivery, not only at configuration: DNS may have changed since. */
    private void checkUrl(Exchange exchange) {
        delivery(exchange).flatMap(delivery -> urlPolicy.refusal(delivery.url()).map(reason -> delivery.url() + ": " + reason))
            .ifPresent(refusal -> exchange.setProperty(REFUSAL, refusal));
    }

    /**
     * Finalises the payload for this attempt (the outbox counts the attempts made so far), signs it anew and sets
     * exactly the headers the receiver is meant to see.
     */
    private void sign(Exchange exchange) {
        WebhookDelivery delivery = delivery(exchange).orElseThrow(() -> new IllegalStateException("Unknown delivery " + deliveryId(exchange)));
        Instant now = clock.instant();
        WebhookScheme scheme = schemes.get(delivery.scheme());
        byte[] payload = scheme.finaliser().finalise(delivery.payload(), delivery.attempts() + 1, now);
        SignedRequest request = scheme.signer().sign(payload, delivery.eventId(), delivery.secret(), now);
        exchange.setProperty(ATTEMPT_AT, now);
        // Camel keeps its redelivery counter in Camel* headers; camel-http never sends those.
        exchange.getMessage().removeHeaders("*", "Camel*");
        request.headers().forEach(exchange.getMessage()::setHeader);
        exchange.getMessage().setHeader("User-Agent", "Postyard-Webhooks/1.0");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.HTTP_URI, delivery.url().toString());
        exchange.getMessage().setBody(request.body());
    }

    /** Writes the attempt that just got an answer the scheme does not retry. */
    private void recordAnswer(Exchange exchange, DeliveryStatus status) {
        save(exchange, delivery -> delivery.attempted(Optional.of(responseCode(exchange)), Optional.empty(), attemptTime(exchange))
            .withStatus(status));
        measure(exchange, status == DeliveryStatus.DELIVERED ? "delivered" : "rejected");
    }

    /** Writes the attempt that just failed (its retryable answer, or why no answer came) and, when given, the new status. */
    private void recordFailure(Exchange exchange, Optional<DeliveryStatus> status) {
        Exception cause = Optional.ofNullable(exchange.getException()).orElse(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        Optional<Integer> code = cause instanceof RetryableAnswerException answer ? Optional.of(answer.statusCode()) : Optional.empty();
        Optional<String> error = Optional.ofNullable(cause).filter(failure -> !(failure instanceof RetryableAnswerException))
            .map(WebhookDeliveryRoutes::describe);
        save(exchange, delivery -> {
            WebhookDelivery attempted = delivery.attempted(code, error, attemptTime(exchange));
            return status.map(attempted::withStatus).orElse(attempted);
        });
        measure(exchange, status.isPresent() ? "dead" : "retried");
    }

    private void measure(Exchange exchange, String outcome) {
        delivery(exchange).ifPresent(delivery -> metrics.attempt(delivery.scheme(), outcome, attemptTime(exchange), clock.instant()));
    }

    private Instant attemptTime(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(ATTEMPT_AT, Instant.class)).orElseGet(clock::instant);
    }

    private void save(Exchange exchange, UnaryOperator<WebhookDelivery> change) {
        delivery(exchange).map(change).ifPresent(outbox::save);
    }

    private Optional<WebhookDelivery> delivery(Exchange exchange) {
        return outbox.get(deliveryId(exchange));
    }

    private static double scaleOf(String value) {
        try {
            double scale = Double.parseDouble(value.trim());
            if (scale >= 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("POSTYARD_WEBHOOK_SCHEDULE_SCALE must be a number >= 0, was '" + value + "'");
    }

    private static String deliveryId(Exchange exchange) {
        return exchange.getProperty(WebhookEndpoints.DELIVERY_ID, String.class);
    }

    private static boolean finalCodeOf(Exchange exchange, RetrySchedule schedule) {
        return schedule.finalCodes().contains(responseCode(exchange));
    }

    private static int responseCode(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    }

    private static String describe(Exception cause) {
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}

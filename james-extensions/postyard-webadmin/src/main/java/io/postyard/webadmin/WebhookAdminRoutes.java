package io.postyard.webadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookReplays;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Operator views of the webhook engine: recent deliveries of a subscription, dead letters, replays.
 */
public class WebhookAdminRoutes implements Routes {
    public static final String BASE_PATH = "/postyard/webhooks";
    private static final int DEFAULT_LIMIT = 100;

    private final WebhookOutbox outbox;
    private final WebhookReplays replays;
    private final JsonTransformer jsonTransformer;

    @Inject
    public WebhookAdminRoutes(WebhookOutbox outbox, WebhookReplays replays, JsonTransformer jsonTransformer) {
        this.outbox = outbox;
        this.replays = replays;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH + "/deliveries", this::deliveries, jsonTransformer);
        service.get(BASE_PATH + "/dead-letters", (request, response) -> outbox.withStatus(DeliveryStatus.DEAD, limit(request)).stream()
            .map(WebhookAdminRoutes::view).toList(), jsonTransformer);
        service.post(BASE_PATH + "/deliveries/:id/replay", this::replayOne, jsonTransformer);
        service.post(BASE_PATH + "/subscriptions/:subscription/replay", this::replaySubscription, jsonTransformer);
    }

    private List<Map<String, Object>> deliveries(Request request, Response response) {
        String subscription = Optional.ofNullable(request.queryParams("subscription")).orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.BAD_REQUEST_400).type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
            .message("'subscription' is required").haltError());
        return outbox.bySubscription(subscription, limit(request)).stream().map(WebhookAdminRoutes::view).toList();
    }

    private Map<String, Object> replayOne(Request request, Response response) {
        String id = request.params("id");
        return switch (replays.replay(id)) {
            case REPLAYED -> Map.of("replayed", 1);
            case IN_FLIGHT -> throw ErrorResponder.builder().statusCode(HttpStatus.CONFLICT_409).type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                .message("Delivery %s is still in flight", id).haltError();
            case UNKNOWN -> throw ErrorResponder.builder().statusCode(HttpStatus.NOT_FOUND_404).type(ErrorResponder.ErrorType.NOT_FOUND)
                .message("Delivery %s does not exist", id).haltError();
        };
    }

    private Map<String, Object> replaySubscription(Request request, Response response) {
        return Map.of("replayed", replays.replaySubscription(request.params("subscription")));
    }

    private static Map<String, Object> view(WebhookDelivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", delivery.id());
        view.put("eventId", delivery.eventId());
        view.put("subscription", delivery.subscriptionId());
        view.put("url", delivery.url().toString());
        view.put("status", delivery.status().name().toLowerCase());
        view.put("attempts", delivery.attempts());
        view.put("lastResponseCode", delivery.lastResponseCode());
        view.put("lastError", delivery.lastError());
        view.put("lastAttemptAt", delivery.lastAttemptAt());
        view.put("createdAt", delivery.createdAt());
        return view;
    }

    private static int limit(Request request) {
        try {
            return Optional.ofNullable(request.queryParams("limit")).map(Integer::parseInt).filter(value -> value > 0 && value <= 10_000)
                .orElse(DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }
}

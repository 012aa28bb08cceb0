package io.postyard.http.tracking;

import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventHistory;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.core.tracking.TrackingToken;
import io.postyard.core.tracking.TrackingTokens;
import io.postyard.http.ApiException;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;
import io.postyard.http.ProviderApi;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The public tracking endpoints, the only routes without authentication besides {@code /healthz}: the open pixel,
 * click redirects and unsubscribe links (with RFC 8058 one-click POST). Each checks its signed token and records the
 * event with the message's tags and variables.
 */
public class TrackingApi implements ProviderApi {
    public static final String PREFIX = "/t";
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final String UNSUBSCRIBED_PAGE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Unsubscribed</title></head>"
        + "<body><p>You have been unsubscribed.</p></body></html>";

    private final TrackingTokens tokens;
    private final EventPublisher publisher;
    private final EventHistory history;
    private final SuppressionService suppressions;
    private final Clock clock;

    @Inject
    public TrackingApi(TrackingTokens tokens, EventPublisher publisher, EventHistory history, SuppressionService suppressions, Clock clock) {
        this.tokens = tokens;
        this.publisher = publisher;
        this.history = history;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "Tracking";
    }

    @Override
    public ErrorRenderer errors() {
        return (error, requestId) -> Json.write(Map.of("message", error.message()));
    }

    @Override
    public void define(Service service) {
        service.get(PREFIX + "/o/:token", this::open);
        service.get(PREFIX + "/c/:token", this::click);
        service.get(PREFIX + "/u/:token", this::unsubscribe);
        service.post(PREFIX + "/u/:token", this::unsubscribe);
    }

    /** The pixel is served whatever the token: a broken image would tell nothing useful to anyone. */
    private Object open(Request request, Response response) {
        token(request, TrackingToken.Kind.OPEN).ifPresent(token -> record(token, EventType.OPENED, request, Map.of()));
        response.type("image/gif");
        response.header("Cache-Control", "no-store, max-age=0");
        return PIXEL;
    }

    private Object click(Request request, Response response) {
        TrackingToken token = token(request, TrackingToken.Kind.CLICK).filter(candidate -> candidate.url().isPresent())
            .orElseThrow(() -> ApiException.notFound("Not Found"));
        String url = token.url().get();
        record(token, EventType.CLICKED, request, Map.of("url", url));
        response.redirect(url, 302);
        return "";
    }

    private Object unsubscribe(Request request, Response response) {
        TrackingToken token = token(request, TrackingToken.Kind.UNSUBSCRIBE).orElseThrow(() -> ApiException.notFound("Not Found"));
        Domain domain = Domain.of(token.domain());
        if (token.mailingList().isPresent()) {
            // Only the list: the provider that runs it takes the member off when it sees the event.
            record(token, EventType.UNSUBSCRIBED, request, Map.of(OutboundMetadata.MAILING_LIST_DETAIL, token.mailingList().get()));
        } else {
            suppressions.add(new Suppression(domain, SuppressionType.UNSUBSCRIBES, token.recipient(), Optional.empty(), Optional.empty(),
                List.of(token.tag().orElse(Suppression.ALL_TAGS)), Optional.empty(), clock.instant()));
            record(token, EventType.UNSUBSCRIBED, request, token.tag().map(tag -> Map.of("tag", tag)).orElse(Map.of()));
        }
        response.type("text/html; charset=utf-8");
        return request.requestMethod().equals("POST") ? "" : UNSUBSCRIBED_PAGE;
    }

    private Optional<TrackingToken> token(Request request, TrackingToken.Kind kind) {
        return tokens.verify(request.params("token")).filter(token -> token.kind() == kind);
    }

    private void record(TrackingToken token, EventType type, Request request, Map<String, String> details) {
        Domain domain = Domain.of(token.domain());
        Map<String, String> all = new HashMap<>(details);
        all.put("ip", request.ip());
        Optional.ofNullable(request.userAgent()).ifPresent(agent -> all.put("user-agent", agent.length() > 512 ? agent.substring(0, 512) : agent));
        PostyardEvent.Builder event = PostyardEvent.builder(type, new AccountId(token.account()), domain)
            .recipient(token.recipient())
            .messageId(token.messageId());
        history.accepted(domain, token.messageId(), Optional.of(token.recipient())).ifPresent(accepted -> {
            accepted.message().ifPresent(event::message);
            event.tags(accepted.tags()).userVariables(accepted.userVariables());
            Optional.ofNullable(accepted.details().get("callback-url")).ifPresent(url -> all.put("callback-url", url));
        });
        publisher.publish(event.details(all).build());
    }
}

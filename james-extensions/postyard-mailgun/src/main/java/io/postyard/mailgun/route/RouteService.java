package io.postyard.mailgun.route;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.core.webhook.WebhookUrlPolicy;

/**
 * Creates, changes and finds an account's routes. Every expression and action is checked before it is kept, and a
 * URL a route posts to passes the same policy as a webhook's (no internal addresses), since inbound mail would
 * otherwise let anyone who can write a route reach the server's own network.
 */
public class RouteService {
    public static final int MAX_ACTIONS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a create or update request gives; absent fields of an update keep their value. */
    public record Changes(Optional<Integer> priority, Optional<String> description, Optional<String> expression,
                          Optional<List<String>> actions) {
    }

    private final RouteStore routes;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;

    @Inject
    public RouteService(RouteStore routes, WebhookUrlPolicy urlPolicy, Clock clock) {
        this.routes = routes;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    public MailgunRoute create(AccountId account, Changes request) {
        String expression = request.expression().orElseThrow(() -> new InvalidRouteException("Missing parameter 'expression'"));
        List<String> actions = request.actions().filter(list -> !list.isEmpty())
            .orElseThrow(() -> new InvalidRouteException("Missing parameter 'action'"));
        MailgunRoute route = new MailgunRoute(newId(), account, request.priority().orElse(0), request.description().orElse(""),
            checkedExpression(expression), checkedActions(actions), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        routes.insert(route);
        return route;
    }

    public Optional<MailgunRoute> update(AccountId account, String id, Changes changes) {
        Optional<MailgunRoute> found = routes.get(account, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MailgunRoute current = found.get();
        MailgunRoute updated = new MailgunRoute(id, account, changes.priority().orElse(current.priority()),
            changes.description().orElse(current.description()),
            changes.expression().map(this::checkedExpression).orElse(current.expression()),
            changes.actions().filter(list -> !list.isEmpty()).map(this::checkedActions).orElse(current.actions()),
            current.createdAt());
        // Deleted in between: as if it had not been found.
        return routes.update(updated) ? Optional.of(updated) : Optional.empty();
    }

    public Optional<MailgunRoute> get(AccountId account, String id) {
        return routes.get(account, id);
    }

    public List<MailgunRoute> list(AccountId account) {
        return routes.list(account);
    }

    public boolean delete(AccountId account, String id) {
        return routes.delete(account, id);
    }

    /** The route that takes mail for the address first: the first in order whose expression holds (or a catch-all). */
    public Optional<MailgunRoute> match(AccountId account, String address) {
        return routes.list(account).stream()
            .filter(route -> RouteExpression.parse(route.expression()).matchRecipient(address).isPresent())
            .findFirst();
    }

    private String checkedExpression(String expression) {
        RouteExpression.parse(expression);
        return expression.trim();
    }

    private List<String> checkedActions(List<String> actions) {
        if (actions.size() > MAX_ACTIONS) {
            throw new InvalidRouteException("A route has at most " + MAX_ACTIONS + " actions");
        }
        for (String action : actions) {
            for (RouteAction parsed : RouteActions.parse(action)) {
                Optional<String> url = parsed instanceof RouteAction.ForwardToUrl forward ? Optional.of(forward.url())
                    : parsed instanceof RouteAction.Store store ? store.notifyUrl() : Optional.empty();
                url.map(value -> URI.create(value.replaceAll("\\\\g<[A-Za-z0-9]+>", "x")))
                    .flatMap(urlPolicy::refusal)
                    .ifPresent(reason -> {
                        throw new InvalidRouteException("The URL of " + action + " is refused: " + reason);
                    });
            }
        }
        return actions.stream().map(String::trim).toList();
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

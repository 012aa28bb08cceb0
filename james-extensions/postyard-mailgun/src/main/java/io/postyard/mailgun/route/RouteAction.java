package io.postyard.mailgun.route;

import java.util.Optional;

/**
 * What a matching route does: {@code forward("https://...")} posts the parsed message to a URL,
 * {@code forward("someone@example.com")} resends it to an address, {@code store()} or {@code store(notify="https://...")}
 * keeps it for three days, {@code stop()} ends the evaluation of lower-priority routes.
 */
public sealed interface RouteAction permits RouteAction.ForwardToUrl, RouteAction.ForwardToAddress, RouteAction.Store,
    RouteAction.Stop {

    record ForwardToUrl(String url) implements RouteAction {
    }

    record ForwardToAddress(String address) implements RouteAction {
    }

    record Store(Optional<String> notifyUrl) implements RouteAction {
    }

    record Stop() implements RouteAction {
    }
}

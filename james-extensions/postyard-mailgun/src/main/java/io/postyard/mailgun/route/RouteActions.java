package io.postyard.mailgun.route;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.MailAddress;

/** Reads an action as Mailgun writes it, refusing what Mailgun would. */
final class RouteActions {
    static final int MAX_LENGTH = 2048;

    static RouteAction parse(String action) {
        if (action.length() > MAX_LENGTH) {
            throw new InvalidRouteException("An action is longer than " + MAX_LENGTH + " characters");
        }
        RouteCall call = RouteCall.parseAll(action, null).get(0);
        return switch (call.name().toLowerCase(Locale.ROOT)) {
            case "forward" -> {
                if (call.arguments().size() != 1 || !call.named().isEmpty()) {
                    throw new InvalidRouteException("forward() takes one quoted URL or address");
                }
                yield forward(call.arguments().get(0).trim());
            }
            case "store" -> {
                if (!call.arguments().isEmpty() || !call.named().keySet().stream().allMatch("notify"::equals)) {
                    throw new InvalidRouteException("store() takes only notify=\"URL\"");
                }
                yield new RouteAction.Store(Optional.ofNullable(call.named().get("notify")).map(RouteActions::httpUrl));
            }
            case "stop" -> {
                if (!call.arguments().isEmpty() || !call.named().isEmpty()) {
                    throw new InvalidRouteException("stop() takes no argument");
                }
                yield new RouteAction.Stop();
            }
            default -> throw new InvalidRouteException("Unknown action " + call.name() + "(): use forward, store or stop");
        };
    }

    private static RouteAction forward(String destination) {
        if (destination.regionMatches(true, 0, "http://", 0, 7) || destination.regionMatches(true, 0, "https://", 0, 8)) {
            return new RouteAction.ForwardToUrl(httpUrl(destination));
        }
        try {
            return new RouteAction.ForwardToAddress(new MailAddress(destination).asString());
        } catch (Exception e) {
            throw new InvalidRouteException("forward() needs an http(s) URL or an email address, got '" + destination + "'");
        }
    }

    /**
     * An absolute http(s) URL. It may hold {@code \g<name>} references to the expression's captures, which are only
     * filled in when a message matches, so they are set aside before the syntax check.
     */
    private static String httpUrl(String value) {
        String checked = value.replaceAll("\\\\g<[A-Za-z0-9]+>", "x");
        try {
            URI uri = new URI(checked);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                && value.chars().noneMatch(c -> Character.isISOControl(c) || c == ' ')) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidRouteException("'" + value + "' is not an absolute http or https URL");
    }

    private RouteActions() {
    }
}

package io.postyard.mailgun.route;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.core.MailAddress;

/** Reads an action as Mailgun writes it, refusing what Mailgun would. */
public final class RouteActions {
    static final int MAX_LENGTH = 2048;
    private static final Pattern CAPTURE = Pattern.compile("\\\\g<([A-Za-z0-9]+)>");

    /** One action, or several for a {@code forward()} to comma-separated destinations. */
    public static List<RouteAction> parse(String action) {
        if (action.length() > MAX_LENGTH) {
            throw new InvalidRouteException("An action is longer than " + MAX_LENGTH + " characters");
        }
        RouteCall call = RouteCall.parseAll(action, null).get(0);
        return switch (call.name().toLowerCase(Locale.ROOT)) {
            case "forward" -> {
                if (call.arguments().size() != 1 || !call.named().isEmpty()) {
                    throw new InvalidRouteException("forward() takes one quoted URL or address");
                }
                yield Arrays.stream(call.arguments().get(0).split(",")).map(String::trim).map(RouteActions::forward).toList();
            }
            case "store" -> {
                if (!call.arguments().isEmpty() || !call.named().keySet().stream().allMatch("notify"::equals)) {
                    throw new InvalidRouteException("store() takes only notify=\"URL\"");
                }
                yield List.of(new RouteAction.Store(Optional.ofNullable(call.named().get("notify")).map(RouteActions::httpUrl)));
            }
            case "stop" -> {
                if (!call.arguments().isEmpty() || !call.named().isEmpty()) {
                    throw new InvalidRouteException("stop() takes no argument");
                }
                yield List.of(new RouteAction.Stop());
            }
            default -> throw new InvalidRouteException("Unknown action " + call.name() + "(): use forward, store or stop");
        };
    }

    private static RouteAction forward(String destination) {
        if (destination.regionMatches(true, 0, "http://", 0, 7) || destination.regionMatches(true, 0, "https://", 0, 8)) {
            return new RouteAction.ForwardToUrl(httpUrl(destination));
        }
        try {
            String checked = new MailAddress(CAPTURE.matcher(destination).replaceAll("x")).asString();
            return new RouteAction.ForwardToAddress(CAPTURE.matcher(destination).find() ? destination : checked);
        } catch (Exception e) {
            throw new InvalidRouteException("forward() needs an http(s) URL or an email address, got '" + destination + "'");
        }
    }

    /**
     * An absolute http(s) URL. It may hold {@code \g<name>} references to the expression's captures, which are only
     * filled in when a message matches, so they are set aside before the syntax check.
     */
    private static String httpUrl(String value) {
        String checked = CAPTURE.matcher(value).replaceAll("x");
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

    /**
     * The action for one message: each {@code \g<name>} or {@code \g<1>} replaced by what the expression captured
     * (URL-encoded in a URL), or by nothing when the group did not take part in the match.
     */
    public static RouteAction resolve(RouteAction action, Map<String, String> captures) {
        if (action instanceof RouteAction.ForwardToUrl forward) {
            return new RouteAction.ForwardToUrl(fill(forward.url(), captures, true));
        }
        if (action instanceof RouteAction.ForwardToAddress forward) {
            return new RouteAction.ForwardToAddress(fill(forward.address(), captures, false));
        }
        if (action instanceof RouteAction.Store store) {
            return new RouteAction.Store(store.notifyUrl().map(url -> fill(url, captures, true)));
        }
        return action;
    }

    private static String fill(String template, Map<String, String> captures, boolean urlEncoded) {
        return CAPTURE.matcher(template).replaceAll(match -> {
            String value = captures.getOrDefault(match.group(1), "");
            return Matcher.quoteReplacement(urlEncoded ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value);
        });
    }

    private RouteActions() {
    }
}

package io.postyard.mailgun.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A route's filter: {@code match_recipient("regex")}, {@code match_header("name", "regex")} or {@code catch_all()},
 * joined by {@code and}. Patterns are Python regular expressions, as Mailgun's are: {@code (?P<name>...)} groups are
 * read as Java's {@code (?<name>...)}; a pattern must match the whole recipient or header value, case-insensitively.
 */
public final class RouteExpression {
    private static final Pattern PYTHON_GROUP = Pattern.compile("\\(\\?P<");
    private static final Pattern PYTHON_BACKREFERENCE = Pattern.compile("\\(\\?P=([A-Za-z][A-Za-z0-9]*)\\)");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");
    private static final int MAX_LENGTH = 4096;

    private sealed interface Condition permits Recipient, Header, CatchAll {
    }

    private record Recipient(Pattern pattern) implements Condition {
    }

    private record Header(String name, Pattern pattern) implements Condition {
    }

    private record CatchAll() implements Condition {
    }

    /** What a message offers a route: one recipient, and its header values by lower-case name. */
    public record Candidate(String recipient, Function<String, List<String>> headers) {
    }

    /** A match and the named and numbered groups its recipient pattern captured. */
    public record Match(Map<String, String> captures) {
    }

    private final List<Condition> conditions;

    private RouteExpression(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public static RouteExpression parse(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidRouteException("The expression is longer than " + MAX_LENGTH + " characters");
        }
        List<Condition> conditions = new ArrayList<>();
        for (RouteCall call : RouteCall.parseAll(expression, "and")) {
            conditions.add(switch (call.name().toLowerCase(Locale.ROOT)) {
                case "match_recipient" -> new Recipient(pattern(only(call, 1).get(0)));
                case "match_header" -> {
                    List<String> arguments = only(call, 2);
                    yield new Header(arguments.get(0).toLowerCase(Locale.ROOT), pattern(arguments.get(1)));
                }
                case "catch_all" -> {
                    only(call, 0);
                    yield new CatchAll();
                }
                default -> throw new InvalidRouteException("Unknown filter " + call.name()
                    + "(): use match_recipient, match_header or catch_all");
            });
        }
        return new RouteExpression(List.copyOf(conditions));
    }

    /** A recipient-only view, for {@code GET /routes/match}: header conditions cannot hold without a message. */
    public Optional<Match> matchRecipient(String recipient) {
        return match(new Candidate(recipient, name -> List.of()), false);
    }

    /**
     * Whether the route may take mail for the recipient once its headers are known: asked at {@code RCPT}, where a
     * header condition is not known yet and so may hold.
     */
    public boolean mayMatch(String recipient) {
        return conditions.stream()
            .filter(Recipient.class::isInstance)
            .map(Recipient.class::cast)
            .allMatch(condition -> condition.pattern().matcher(recipient).matches());
    }

    /** {@code catch_all()} holds only when no route before this one matched the message. */
    public Optional<Match> match(Candidate candidate, boolean earlierRouteMatched) {
        Map<String, String> captures = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            if (condition instanceof Recipient recipient) {
                Matcher matcher = recipient.pattern().matcher(candidate.recipient());
                if (!matcher.matches()) {
                    return Optional.empty();
                }
                captures.putAll(groups(recipient.pattern(), matcher));
            } else if (condition instanceof Header header) {
                if (candidate.headers().apply(header.name()).stream().noneMatch(value -> header.pattern().matcher(value).matches())) {
                    return Optional.empty();
                }
            } else if (earlierRouteMatched) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(Map.copyOf(captures)));
    }

    /** Numbered ({@code 1}, {@code 2}...) and named groups, for actions that use them as Mailgun's {@code \g<name>}. */
    private static Map<String, String> groups(Pattern pattern, Matcher matcher) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            String number = String.valueOf(i);
            Optional.ofNullable(matcher.group(i)).ifPresent(value -> groups.put(number, value));
        }
        Matcher names = GROUP_NAME.matcher(pattern.pattern());
        while (names.find()) {
            String name = names.group(1);
            Optional.ofNullable(matcher.group(name)).ifPresent(value -> groups.put(name, value));
        }
        return groups;
    }

    private static List<String> only(RouteCall call, int count) {
        if (call.arguments().size() != count || !call.named().isEmpty()) {
            throw new InvalidRouteException(call.name() + "() takes " + count + " quoted argument" + (count == 1 ? "" : "s"));
        }
        return call.arguments();
    }

    private static Pattern pattern(String python) {
        String java = PYTHON_BACKREFERENCE.matcher(PYTHON_GROUP.matcher(python).replaceAll("(?<")).replaceAll("\\\\k<$1>");
        try {
            return Pattern.compile(java, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new InvalidRouteException("Invalid regular expression '" + python + "': " + e.getDescription());
        }
    }
}

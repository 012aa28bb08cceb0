package io.postyard.mailgun.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code name(arguments)} of a route's expression or action, as Mailgun writes them: arguments are strings in
 * double or single quotes (backslash escapes the next character), positional or {@code key="value"}; calls in an
 * expression are joined by {@code and}.
 */
record RouteCall(String name, List<String> arguments, Map<String, String> named) {
    static List<RouteCall> parseAll(String text, String joiner) {
        Parser parser = new Parser(text);
        List<RouteCall> calls = new ArrayList<>();
        calls.add(parser.call());
        while (parser.skipSpaces()) {
            if (joiner == null || !parser.word().equals(joiner)) {
                throw new InvalidRouteException("Unexpected text after " + calls.get(calls.size() - 1).name() + "()");
            }
            calls.add(parser.call());
        }
        return List.copyOf(calls);
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        /** True when there is more text after the spaces. */
        boolean skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at < text.length();
        }

        String word() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new InvalidRouteException("Expected a name at position " + (at + 1));
            }
            return text.substring(start, at);
        }

        RouteCall call() {
            String name = word();
            expect('(');
            List<String> arguments = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            skipSpaces();
            if (peek() != ')') {
                do {
                    skipSpaces();
                    if (peek() == '"' || peek() == '\'') {
                        if (!named.isEmpty()) {
                            throw new InvalidRouteException("A positional argument follows a named one in " + name + "()");
                        }
                        arguments.add(string());
                    } else {
                        String key = word();
                        expect('=');
                        skipSpaces();
                        named.put(key, string());
                    }
                    skipSpaces();
                } while (consume(','));
            }
            expect(')');
            return new RouteCall(name, List.copyOf(arguments), Map.copyOf(named));
        }

        private String string() {
            char quote = peek();
            if (quote != '"' && quote != '\'') {
                throw new InvalidRouteException("Expected a quoted string at position " + (at + 1));
            }
            at++;
            StringBuilder value = new StringBuilder();
            while (at < text.length() && text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char next = text.charAt(at++);
                    // Only the quote and the backslash are escapes; a regex's \d or \. is kept as written.
                    if (next != quote && next != '\\') {
                        value.append('\\');
                    }
                    value.append(next);
                } else {
                    value.append(c);
                }
            }
            if (at >= text.length()) {
                throw new InvalidRouteException("Unterminated string");
            }
            at++;
            return value.toString();
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private boolean consume(char c) {
            skipSpaces();
            if (peek() == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new InvalidRouteException("Expected '" + c + "' at position " + (at + 1));
            }
        }
    }
}

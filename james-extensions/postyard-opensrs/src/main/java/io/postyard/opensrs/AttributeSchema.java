package io.postyard.opensrs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The attributes one kind of object takes, each with its type and rule. Reading a request's {@code attributes}
 * checks every one: an unknown name, a wrong type or a value the rule refuses is a malformed attribute (error 6).
 */
final class AttributeSchema {
    enum Type { STRING, BOOLEAN, INTEGER, STRING_LIST }

    record Spec(String name, Type type, Predicate<Object> rule, String expectation, boolean adminOnly) {
    }

    private final Map<String, Spec> specs;

    private AttributeSchema(List<Spec> specs) {
        Map<String, Spec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        this.specs = byName;
    }

    static Builder builder() {
        return new Builder();
    }

    List<String> settable(boolean admin) {
        return specs.values().stream().filter(spec -> admin || !spec.adminOnly()).map(Spec::name).toList();
    }

    /** The checked values, by name; {@code admin} callers may also set the admin-only ones. */
    Map<String, Object> read(ObjectNode attributes, boolean admin) {
        Map<String, Object> values = new LinkedHashMap<>();
        var fields = attributes.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            Spec spec = specs.get(field.getKey());
            if (spec == null) {
                throw OmaException.badAttribute("Unknown attribute: " + OmaNames.printable(field.getKey()));
            }
            if (spec.adminOnly() && !admin) {
                throw OmaException.noPermission();
            }
            Object value = convert(spec, field.getValue());
            if (!spec.rule().test(value)) {
                throw OmaException.badAttribute("Attribute " + spec.name() + " must be " + spec.expectation());
            }
            values.put(spec.name(), value);
        }
        return values;
    }

    private static Object convert(Spec spec, JsonNode node) {
        boolean fits = switch (spec.type()) {
            case STRING -> node.isTextual();
            case BOOLEAN -> node.isBoolean();
            case INTEGER -> node.isIntegralNumber() && node.canConvertToLong();
            case STRING_LIST -> node.isArray();
        };
        if (!fits) {
            throw OmaException.badAttribute("Attribute " + spec.name() + " must be " + spec.expectation());
        }
        return switch (spec.type()) {
            case STRING -> node.asText();
            case BOOLEAN -> node.asBoolean();
            case INTEGER -> node.asLong();
            case STRING_LIST -> {
                List<String> items = new ArrayList<>();
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        throw OmaException.badAttribute("Attribute " + spec.name() + " must be " + spec.expectation());
                    }
                    items.add(item.asText());
                }
                yield List.copyOf(items);
            }
        };
    }

    static final class Builder {
        private final List<Spec> specs = new ArrayList<>();

        Builder text(String name, int maxLength, boolean adminOnly) {
            return add(name, Type.STRING, value -> Text.isPlain((String) value, maxLength),
                "text of at most " + maxLength + " characters, without control characters", adminOnly);
        }

        Builder oneOf(String name, Set<String> allowed, boolean adminOnly) {
            return add(name, Type.STRING, allowed::contains, "one of " + String.join(", ", allowed.stream().sorted().toList()), adminOnly);
        }

        Builder flag(String name, boolean adminOnly) {
            return add(name, Type.BOOLEAN, value -> true, "true or false", adminOnly);
        }

        Builder number(String name, long min, long max, boolean adminOnly) {
            return add(name, Type.INTEGER, value -> (Long) value >= min && (Long) value <= max,
                "an integer from " + min + " to " + max, adminOnly);
        }

        Builder list(String name, int maxItems, Predicate<String> itemRule, String itemExpectation, boolean adminOnly) {
            Function<Object, List<?>> items = value -> (List<?>) value;
            return add(name, Type.STRING_LIST, value -> items.apply(value).size() <= maxItems
                    && items.apply(value).stream().allMatch(item -> itemRule.test((String) item)),
                "a list of at most " + maxItems + " " + itemExpectation, adminOnly);
        }

        Builder add(String name, Type type, Predicate<Object> rule, String expectation, boolean adminOnly) {
            specs.add(new Spec(name, type, rule, expectation, adminOnly));
            return this;
        }

        AttributeSchema build() {
            return new AttributeSchema(specs);
        }
    }
}

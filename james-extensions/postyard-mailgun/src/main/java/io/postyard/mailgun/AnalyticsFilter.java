package io.postyard.mailgun;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.http.ApiException;

/**
 * The {@code filter} of Mailgun's v1 analytics: {@code {"AND": [{"attribute", "comparator", "values": [{"label",
 * "value"}]}]}}, every predicate must hold and a predicate holds when the attribute equals one of its values
 * ({@code =}) or none of them ({@code !=}).
 */
record AnalyticsFilter(List<Predicate> predicates) {
    record Predicate(String attribute, boolean equals, Set<String> values) {
        boolean test(String actual) {
            return values.contains(actual) == equals;
        }
    }

    static final AnalyticsFilter NONE = new AnalyticsFilter(List.of());

    static AnalyticsFilter parse(JsonNode filter, Set<String> attributes) {
        if (filter == null || filter.isNull() || (filter.isObject() && filter.isEmpty())) {
            return NONE;
        }
        JsonNode and = filter.get("AND");
        if (!filter.isObject() || and == null || !and.isArray()) {
            throw ApiException.validation("'filter' must be an object with an 'AND' array", Map.of("field", "filter"));
        }
        List<Predicate> predicates = new ArrayList<>();
        for (JsonNode predicate : and) {
            String attribute = predicate.path("attribute").asText("");
            if (!attributes.contains(attribute)) {
                throw ApiException.validation("'" + attribute + "' is not a valid filter predicate attribute; use one of "
                    + String.join(", ", attributes.stream().sorted().toList()), Map.of("field", "filter"));
            }
            String comparator = predicate.path("comparator").asText("=");
            if (!comparator.equals("=") && !comparator.equals("!=")) {
                throw ApiException.validation("'" + comparator + "' is not a valid filter predicate comparator; use = or !=",
                    Map.of("field", "filter"));
            }
            Set<String> values = new LinkedHashSet<>();
            predicate.path("values").forEach(value -> values.add(value.path("value").asText(value.asText())));
            if (values.isEmpty()) {
                throw ApiException.validation("A filter predicate needs at least one value", Map.of("field", "filter"));
            }
            predicates.add(new Predicate(attribute, comparator.equals("="), values));
        }
        return new AnalyticsFilter(List.copyOf(predicates));
    }

    /** True when every predicate on {@code attribute} holds for {@code actual}. */
    boolean allows(String attribute, String actual) {
        return predicates.stream().filter(predicate -> predicate.attribute().equals(attribute)).allMatch(predicate -> predicate.test(actual));
    }

    /** The values an {@code =} predicate on {@code attribute} asks for, for a store query to narrow on. */
    Set<String> required(String attribute) {
        return predicates.stream().filter(predicate -> predicate.attribute().equals(attribute) && predicate.equals())
            .findFirst().map(Predicate::values).orElse(Set.of());
    }

    boolean constrains(String attribute) {
        return predicates.stream().anyMatch(predicate -> predicate.attribute().equals(attribute));
    }
}

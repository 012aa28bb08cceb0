package io.postyard.opensrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A call's JSON object, read field by field: a field of the wrong type is a malformed request (error 5). */
public record OmaRequest(String method, ObjectNode body) {
    public Optional<JsonNode> field(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> OmaException.malformed("Missing required field: " + name));
    }

    public Optional<String> optionalString(String name) {
        return field(name).map(node -> {
            if (!node.isTextual()) {
                throw OmaException.malformed("Field " + name + " must be a string");
            }
            return node.asText();
        });
    }

    public boolean flag(String name) {
        return field(name).map(node -> {
            if (!node.isBoolean()) {
                throw OmaException.malformed("Field " + name + " must be true or false");
            }
            return node.asBoolean();
        }).orElse(false);
    }

    public Optional<Long> optionalLong(String name) {
        return field(name).map(node -> {
            if (!node.canConvertToLong() || !node.isIntegralNumber()) {
                throw OmaException.malformed("Field " + name + " must be an integer");
            }
            return node.asLong();
        });
    }

    public Optional<ObjectNode> optionalObject(String name) {
        return field(name).map(node -> {
            if (!node.isObject()) {
                throw OmaException.malformed("Field " + name + " must be an object");
            }
            return (ObjectNode) node;
        });
    }

    public List<String> stringList(String name) {
        return field(name).map(node -> strings(name, node)).orElse(List.of());
    }

    public static List<String> strings(String name, JsonNode node) {
        if (!node.isArray()) {
            throw OmaException.malformed("Field " + name + " must be a list");
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> {
            if (!item.isTextual()) {
                throw OmaException.malformed("Field " + name + " must be a list of strings");
            }
            values.add(item.asText());
        });
        return values;
    }

    public Username user(String name) {
        return OmaNames.user(requiredString(name));
    }

    public Domain domain(String name) {
        return OmaNames.domain(requiredString(name));
    }
}

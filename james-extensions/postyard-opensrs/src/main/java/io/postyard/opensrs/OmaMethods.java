package io.postyard.opensrs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

/** Every method, by name, from every group. */
public class OmaMethods {
    private final Map<String, OmaMethod> methods;

    @Inject
    public OmaMethods(Set<OmaMethodGroup> groups) {
        Map<String, OmaMethod> byName = new HashMap<>();
        for (OmaMethodGroup group : groups) {
            group.methods().forEach((name, method) -> {
                if (byName.putIfAbsent(name, method) != null) {
                    throw new IllegalStateException("Two OMA methods are named " + name);
                }
            });
        }
        this.methods = Map.copyOf(byName);
    }

    public Optional<OmaMethod> get(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    public Set<String> names() {
        return methods.keySet();
    }
}

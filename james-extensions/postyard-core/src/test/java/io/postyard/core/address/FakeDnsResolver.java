package io.postyard.core.address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.postyard.core.dns.DnsLookupException;
import io.postyard.core.dns.DnsResolver;
import io.postyard.core.dns.MxRecord;

/** Answers from maps; names are taken as given, so a test also sees whether the caller lower-cased them. */
final class FakeDnsResolver implements DnsResolver {
    private final Map<String, List<MxRecord>> mx = new HashMap<>();
    private final Set<String> withAddress = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> asked = new ArrayList<>();

    FakeDnsResolver mx(String name, String host) {
        mx.computeIfAbsent(name, any -> new ArrayList<>()).add(new MxRecord(host, 10));
        return this;
    }

    FakeDnsResolver address(String name) {
        withAddress.add(name);
        return this;
    }

    FakeDnsResolver failing(String name) {
        failing.add(name);
        return this;
    }

    List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<MxRecord> mx(String name) {
        ask(name, "MX");
        return mx.getOrDefault(name, List.of());
    }

    @Override
    public List<String> txt(String name) {
        ask(name, "TXT");
        return List.of();
    }

    @Override
    public Optional<String> cname(String name) {
        ask(name, "CNAME");
        return Optional.empty();
    }

    @Override
    public boolean hasAddress(String name) {
        ask(name, "A");
        return withAddress.contains(name);
    }

    private void ask(String name, String type) {
        asked.add(name);
        if (failing.contains(name)) {
            throw new DnsLookupException(name, type, "timed out");
        }
    }
}

package io.postyard.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The served routes ({@code METHOD /path/:param}) as patterns: which methods a path is served for. */
final class RouteTable {
    private final Map<Pattern, List<String>> methodsByPath;

    private RouteTable(Map<Pattern, List<String>> methodsByPath) {
        this.methodsByPath = methodsByPath;
    }

    static RouteTable of(List<String> routes) {
        Map<String, List<String>> byPath = routes.stream()
            .map(route -> route.split(" ", 2))
            .collect(Collectors.groupingBy(parts -> parts[1], LinkedHashMap::new, Collectors.mapping(parts -> parts[0], Collectors.toList())));
        Map<Pattern, List<String>> patterns = new LinkedHashMap<>();
        byPath.forEach((path, methods) -> patterns.put(pattern(path), List.copyOf(methods)));
        return new RouteTable(patterns);
    }

    List<String> methodsServing(String path) {
        if (path == null) {
            return List.of();
        }
        return methodsByPath.entrySet().stream()
            .filter(entry -> entry.getKey().matcher(path).matches())
            .flatMap(entry -> entry.getValue().stream())
            .distinct()
            .sorted()
            .toList();
    }

    private static Pattern pattern(String route) {
        String regex = Arrays.stream(route.split("/", -1))
            .map(segment -> segment.startsWith(":") ? "[^/]+" : segment.equals("*") ? ".*" : Pattern.quote(segment))
            .collect(Collectors.joining("/"));
        return Pattern.compile(regex);
    }
}

package io.postyard.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The resolved value of every {@link Setting}: a value set in code ({@link #with}, tests) first, then the environment,
 * then {@code postyard.properties}, then the setting's default. Settings are looked up by key when asked for, so a
 * module's own settings need no list here.
 */
public final class PostyardSettings {
    public static final String PROPERTIES_FILE = "postyard.properties";
    private static final String ENVIRONMENT_PREFIX = "POSTYARD_";

    public static PostyardSettings defaults() {
        return new PostyardSettings(Map.of(), Map.of(), Map.of());
    }

    public static PostyardSettings load(Path confDir, Map<String, String> environment) {
        Map<String, String> file = new TreeMap<>();
        Properties properties = readProperties(confDir.resolve(PROPERTIES_FILE));
        properties.stringPropertyNames().forEach(key -> file.put(key, properties.getProperty(key).trim()));
        Map<String, String> ours = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                ours.put(name, value);
            }
        });
        return new PostyardSettings(Map.of(Setting.CONF_DIR.key(), confDir.toAbsolutePath().normalize().toString()), ours, file);
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    /** By key. */
    private final Map<String, String> overrides;
    /** By variable name, {@code POSTYARD_} ones only. */
    private final Map<String, String> environment;
    /** By key. */
    private final Map<String, String> file;

    private PostyardSettings(Map<String, String> overrides, Map<String, String> environment, Map<String, String> file) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
    }

    public PostyardSettings with(Setting setting, String value) {
        Map<String, String> copy = new HashMap<>(overrides);
        copy.put(setting.key(), value);
        return new PostyardSettings(copy, environment, file);
    }

    public String get(Setting setting) {
        return Optional.ofNullable(overrides.get(setting.key()))
            .or(() -> Optional.ofNullable(environment.get(setting.envName())))
            .or(() -> Optional.ofNullable(file.get(setting.key())))
            .orElse(setting.defaultValue());
    }

    /** Every secret value set, whatever module it belongs to: what must never appear in a log. */
    public List<String> secretValues() {
        return Stream.of(overrides, environment, file)
            .flatMap(values -> values.entrySet().stream())
            .filter(entry -> Setting.isSecret(entry.getKey()) && !entry.getValue().isBlank())
            .map(Map.Entry::getValue)
            .toList();
    }

    public Optional<String> optional(Setting setting) {
        return Optional.of(get(setting)).filter(value -> !value.isBlank());
    }

    public int getInt(Setting setting) {
        long value = getLong(setting);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(setting.envName() + " is out of range: " + value);
        }
        return (int) value;
    }

    public long getLong(Setting setting) {
        String value = get(setting);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.envName() + " must be an integer, got '" + value + "'");
        }
    }

    /** A duration written {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 1d}. */
    public java.time.Duration getDuration(Setting setting) {
        String value = get(setting).trim().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(setting.envName() + " must be a duration such as 30s, 5m or 500ms, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> java.time.Duration.ofMillis(amount);
            case "s" -> java.time.Duration.ofSeconds(amount);
            case "m" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofDays(amount);
        };
    }

    public boolean getBoolean(Setting setting) {
        String value = get(setting).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off", "" -> false;
            default -> throw new IllegalArgumentException(setting.envName() + " must be true or false, got '" + value + "'");
        };
    }

    /** A comma-separated setting, trimmed, without empty entries. */
    public java.util.List<String> list(Setting setting) {
        return java.util.Arrays.stream(get(setting).split(","))
            .map(String::trim)
            .filter(value -> !value.isEmpty())
            .toList();
    }

    public Path path(Setting setting) {
        return Path.of(get(setting)).toAbsolutePath().normalize();
    }

    /**
     * The base URL clients use to reach the public API; absolute paging links are built from it. With a TLS keystore
     * the public port speaks only HTTPS, so the default follows.
     */
    public String publicUrl() {
        String scheme = optional(Setting.TLS_KEYSTORE).isPresent() ? "https://" : "http://";
        return optional(Setting.PUBLIC_URL)
            .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
            .orElseGet(() -> scheme + get(Setting.HOSTNAME) + ":" + get(Setting.HTTP_PORT));
    }

    /** What was set, from where, secrets masked; a setting left at its default is not listed. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "PostyardSettings{", "}");
        describe(joiner, "file ", file);
        describe(joiner, "environment ", environment);
        describe(joiner, "", overrides);
        return joiner.toString();
    }

    private static void describe(StringJoiner joiner, String source, Map<String, String> values) {
        new TreeMap<>(values).forEach((key, value) ->
            joiner.add(source + key + "=" + (Setting.isSecret(key) && !value.isBlank() ? "<set>" : value)));
    }
}

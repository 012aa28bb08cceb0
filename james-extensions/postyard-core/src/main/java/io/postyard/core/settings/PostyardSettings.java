package io.postyard.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The resolved value of every {@link Setting}: environment first, then {@code postyard.properties}, then the default.
 */
public final class PostyardSettings {
    public static final String PROPERTIES_FILE = "postyard.properties";

    public static PostyardSettings defaults() {
        return new PostyardSettings(new EnumMap<>(Setting.class));
    }

    public static PostyardSettings load(Path confDir, Map<String, String> environment) {
        EnumMap<Setting, String> values = new EnumMap<>(Setting.class);
        Properties fileProperties = readProperties(confDir.resolve(PROPERTIES_FILE));
        for (Setting setting : Setting.values()) {
            Optional.ofNullable(fileProperties.getProperty(setting.key()))
                .map(String::trim)
                .ifPresent(value -> values.put(setting, value));
            Optional.ofNullable(environment.get(setting.envName()))
                .ifPresent(value -> values.put(setting, value));
        }
        values.put(Setting.CONF_DIR, confDir.toAbsolutePath().normalize().toString());
        return new PostyardSettings(values);
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

    private final EnumMap<Setting, String> values;

    private PostyardSettings(EnumMap<Setting, String> values) {
        this.values = values;
    }

    public PostyardSettings with(Setting setting, String value) {
        EnumMap<Setting, String> copy = new EnumMap<>(values);
        copy.put(setting, value);
        return new PostyardSettings(copy);
    }

    public String get(Setting setting) {
        return values.getOrDefault(setting, setting.defaultValue());
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

    @Override
    public String toString() {
        StringBuilder builder = new StringBuilder("PostyardSettings{");
        for (Setting setting : Setting.values()) {
            String value = setting.isSecret() && optional(setting).isPresent() ? "<set>" : get(setting);
            builder.append(setting.key()).append('=').append(value).append(", ");
        }
        return builder.append('}').toString();
    }
}

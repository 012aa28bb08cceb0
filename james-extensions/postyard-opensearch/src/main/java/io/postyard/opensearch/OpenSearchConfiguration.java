package io.postyard.opensearch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Where the event index lives: the HTTP URLs of the cluster's nodes (none configured means the local node the launcher
 * starts on 127.0.0.1:9200), basic-auth credentials when the cluster requires them, and the prefix of the daily
 * indices and of their template.
 */
public record OpenSearchConfiguration(List<URI> urls, Optional<String> username, Optional<String> password, String indexPrefix) {
    public static final URI LOCAL_NODE = URI.create("http://127.0.0.1:9200");
    // An index name is lower case and starts with neither '-', '_' nor '+'; the daily suffix adds 11 characters to the 255 allowed.
    private static final Pattern INDEX_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

    public OpenSearchConfiguration {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(Setting.OPENSEARCH_URLS.envName() + " names no node");
        }
        for (URI url : urls) {
            String scheme = Optional.ofNullable(url.getScheme()).map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException(Setting.OPENSEARCH_URLS.envName() + " must list http:// or https:// URLs with a host, got '"
                    + url + "'");
            }
            // Credentials in a URL would be shown wherever the URL is; they have settings of their own, the password secret.
            if (url.getUserInfo() != null) {
                throw new IllegalArgumentException(Setting.OPENSEARCH_URLS.envName() + " must not carry credentials: set "
                    + Setting.OPENSEARCH_USERNAME.envName() + " and " + Setting.OPENSEARCH_PASSWORD.envName());
            }
        }
        Objects.requireNonNull(username);
        Objects.requireNonNull(password);
        if (!INDEX_PREFIX.matcher(indexPrefix).matches()) {
            throw new IllegalArgumentException(Setting.OPENSEARCH_INDEX_PREFIX.envName()
                + " must be lower-case letters, digits, '.', '-' and '_', starting with a letter or digit, got '" + indexPrefix + "'");
        }
    }

    public static OpenSearchConfiguration from(PostyardSettings settings) {
        List<URI> urls = settings.list(Setting.OPENSEARCH_URLS).stream()
            .map(OpenSearchConfiguration::url)
            .toList();
        return new OpenSearchConfiguration(urls.isEmpty() ? List.of(LOCAL_NODE) : urls,
            settings.optional(Setting.OPENSEARCH_USERNAME),
            settings.optional(Setting.OPENSEARCH_PASSWORD),
            settings.get(Setting.OPENSEARCH_INDEX_PREFIX).trim());
    }

    public OpenSearchConfiguration withIndexPrefix(String otherPrefix) {
        return new OpenSearchConfiguration(urls, username, password, otherPrefix);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "OpenSearchConfiguration[urls=" + urls + ", username=" + username.orElse("") + ", password="
            + password.map(secret -> "<set>").orElse("") + ", indexPrefix=" + indexPrefix + "]";
    }

    private static URI url(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.OPENSEARCH_URLS.envName() + " has an invalid URL: '" + value + "'");
        }
    }
}

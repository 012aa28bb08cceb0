package io.postyard.core.storage;

import java.util.Locale;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Where James and Postyard keep their data: in an SQL database (embedded H2 files under the data directory, or
 * PostgreSQL by URL), in memory (tests, a quick try), or in Cassandra with OpenSearch (clusters).
 */
public enum StorageProfile {
    EMBEDDED, MEMORY, CASSANDRA;

    public static StorageProfile of(PostyardSettings settings) {
        String value = settings.get(Setting.STORAGE_PROFILE).trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.STORAGE_PROFILE.envName() + " must be embedded, memory or cassandra, got '" + value + "'");
        }
    }
}

package io.postyard.core.storage;

import java.util.Locale;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/** Where James and Postyard keep their data: in memory (tests, a quick try) or in Cassandra. */
public enum StorageProfile {
    MEMORY, CASSANDRA;

    public static StorageProfile of(PostyardSettings settings) {
        String value = settings.get(Setting.STORAGE_PROFILE).trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.STORAGE_PROFILE.envName() + " must be memory or cassandra, got '" + value + "'");
        }
    }
}

package io.postyard.opensrs;

import io.postyard.core.settings.Setting;

/** The settings of the OpenSRS Hosted Email (OMA) API, documented in {@code docs/configuration.md}. */
public final class OmaSettings {
    public static final Setting ADMIN_USER = new Setting("oma.admin.user", "admin");
    public static final Setting ADMIN_PASSWORD = new Setting("oma.admin.password", "");
    public static final Setting COMPANY = new Setting("oma.company", "default");
    public static final Setting DELETED_RETENTION = new Setting("oma.deleted.retention", "30d");
    public static final Setting PURGE_INTERVAL = new Setting("oma.purge.interval", "1h");

    private OmaSettings() {
    }
}

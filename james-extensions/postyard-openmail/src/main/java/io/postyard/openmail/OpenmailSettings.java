package io.postyard.openmail;

import io.postyard.core.settings.Setting;

/** The settings of the openmail API, documented in {@code docs/configuration.md}. */
public final class OpenmailSettings {
    public static final Setting DOMAIN = new Setting("openmail.domain", "openmail.localhost");
    public static final Setting SEND_LIMIT_PER_MINUTE = new Setting("openmail.send.limit.per.minute", "60");
    public static final Setting SEND_LIMIT_PER_DAY = new Setting("openmail.send.limit.per.day", "2000");

    private OpenmailSettings() {
    }
}

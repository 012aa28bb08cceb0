package io.postyard.tempmail;

import io.postyard.core.settings.Setting;

/** The settings of the Temp Mail API, documented in {@code docs/configuration.md}. */
public final class TempMailSettings {
    public static final Setting PUBLIC_DOMAINS = new Setting("tempmail.public.domains", "tempmail.localhost");
    public static final Setting PREMIUM_DOMAINS = new Setting("tempmail.premium.domains", "premium.tempmail.localhost");
    public static final Setting TTL = new Setting("tempmail.ttl.seconds", "86400");
    public static final Setting RATE_LIMIT = new Setting("tempmail.rate.limit", "100");
    public static final Setting RATE_WINDOW = new Setting("tempmail.rate.window", "1m");

    private TempMailSettings() {
    }
}

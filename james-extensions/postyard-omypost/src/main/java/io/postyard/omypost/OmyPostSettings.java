package io.postyard.omypost;

import io.postyard.core.settings.Setting;

/** The settings of the OmyPost API, documented in {@code docs/configuration.md}. */
public final class OmyPostSettings {
    public static final Setting DOMAIN = new Setting("omypost.domain", "omypost.localhost");
    public static final Setting RATE_MANAGEMENT = new Setting("omypost.rate.limit.management", "60");
    public static final Setting RATE_SENDING = new Setting("omypost.rate.limit.sending", "120");
    public static final Setting RATE_OTHER = new Setting("omypost.rate.limit.other", "180");

    private OmyPostSettings() {
    }
}

package io.postyard.omypost;

import java.util.regex.Pattern;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/** The document's rate-limit classes: email management, email sending and the other APIs, each with its own budget. */
enum ApiClass {
    MANAGEMENT(OmyPostSettings.RATE_MANAGEMENT),
    SENDING(OmyPostSettings.RATE_SENDING),
    OTHER(OmyPostSettings.RATE_OTHER);

    private static final Pattern ACCOUNTS = Pattern.compile(OmyPostApi.PREFIX + "/v1/emails(/[^/]+)?/?");
    private static final Pattern SEND = Pattern.compile(OmyPostApi.PREFIX + "/v1/emails/[^/]+/messages/?");

    private final Setting limit;

    ApiClass(Setting limit) {
        this.limit = limit;
    }

    long limitPerMinute(PostyardSettings settings) {
        return settings.getLong(limit);
    }

    String budget() {
        return "omypost-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    static ApiClass of(String method, String path) {
        if (ACCOUNTS.matcher(path).matches()) {
            return MANAGEMENT;
        }
        if ("POST".equalsIgnoreCase(method) && SEND.matcher(path).matches()) {
            return SENDING;
        }
        return OTHER;
    }
}

package io.postyard.mailgun.tag;

import java.util.Locale;
import java.util.Optional;

/**
 * Mailgun's device types from an opener's or clicker's User-Agent: a coarse reading of the usual tokens, not a full
 * user-agent database; anything it cannot place is {@code unknown}.
 */
public final class UserAgentDevices {
    public static String deviceType(Optional<String> userAgent) {
        String agent = userAgent.orElse("").toLowerCase(Locale.ROOT);
        if (agent.isBlank()) {
            return "unknown";
        }
        if (agent.contains("ipad") || agent.contains("tablet") || (agent.contains("android") && !agent.contains("mobile"))) {
            return "tablet";
        }
        if (agent.contains("mobile") || agent.contains("iphone") || agent.contains("ipod")) {
            return "mobile";
        }
        if (agent.contains("windows") || agent.contains("macintosh") || agent.contains("x11") || agent.contains("linux")
            || agent.contains("cros")) {
            return "desktop";
        }
        return "unknown";
    }

    private UserAgentDevices() {
    }
}

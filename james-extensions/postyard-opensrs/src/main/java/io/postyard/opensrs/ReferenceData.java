package io.postyard.opensrs;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** The languages and time zones users and domains may be given. */
final class ReferenceData {
    static final List<String> LANGUAGES = List.of("da", "de", "en", "es", "fi", "fr", "hu", "it", "ja", "ko", "nl", "no", "pl",
        "pt", "pt_BR", "ru", "sv", "tr", "zh_CN", "zh_TW");
    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
        .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
        .sorted()
        .toList();
    static final Set<String> LANGUAGE_SET = Set.copyOf(LANGUAGES);
    static final Set<String> TIMEZONE_SET = Set.copyOf(TIMEZONES);
    static final Set<String> SERVICE_STATES = Set.of("enabled", "disabled", "suspended");
    static final Set<String> SPAM_LEVELS = Set.of("Normal", "High", "Very High");

    private ReferenceData() {
    }
}

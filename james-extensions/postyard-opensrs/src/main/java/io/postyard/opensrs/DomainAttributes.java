package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.postyard.opensrs.store.HostedDomain;

/** A domain's attributes: its alias domains, the quota its users get by default, and the settings it hands down. */
final class DomainAttributes {
    static final String ALIASES = "aliases";
    static final String QUOTA = "quota";
    static final String LANGUAGE = "language";
    static final String TIMEZONE = "timezone";

    static final AttributeSchema SCHEMA = AttributeSchema.builder()
        .list(ALIASES, 100, Text::isDomainName, "domain names", false)
        .number(QUOTA, 1, Long.MAX_VALUE / 2, false)
        .number("limit_users", 0, 1_000_000, false)
        .number("limit_aliases", 0, 2000, false)
        .oneOf(LANGUAGE, ReferenceData.LANGUAGE_SET, false)
        .oneOf(TIMEZONE, ReferenceData.TIMEZONE_SET, false)
        .oneOf("spamlevel", ReferenceData.SPAM_LEVELS, false)
        .oneOf("filterdelivery", Set.of("quarantine", "passthrough"), false)
        .number("smtp_sent_limit", 0, 10_000, false)
        .text("brand", 100, false)
        .oneOf("service_imap4", ReferenceData.SERVICE_STATES, false)
        .oneOf("service_pop3", ReferenceData.SERVICE_STATES, false)
        .oneOf("service_smtpin", ReferenceData.SERVICE_STATES, false)
        .oneOf("service_webmail", ReferenceData.SERVICE_STATES, false)
        .build();

    static Map<String, Object> view(HostedDomain domain) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", domain.name().asString());
        view.put(ALIASES, List.of());
        view.put(LANGUAGE, "en");
        view.put(TIMEZONE, "UTC");
        view.put("spamlevel", "Normal");
        view.put("filterdelivery", "quarantine");
        view.putAll(domain.attributes());
        view.put("created", domain.createdAt().getEpochSecond());
        return view;
    }

    @SuppressWarnings("unchecked")
    static List<String> aliases(Map<String, Object> attributes) {
        return (List<String>) attributes.getOrDefault(ALIASES, List.of());
    }

    private DomainAttributes() {
    }
}

package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.opensrs.store.HostedCompany;

/** A company's attributes: what a panel shows about the customer. */
final class CompanyAttributes {
    static final AttributeSchema SCHEMA = AttributeSchema.builder()
        .text("name", 256, false)
        .list("contacts", 20, Text::isAddress, "mailbox addresses", false)
        .oneOf("language", ReferenceData.LANGUAGE_SET, false)
        .oneOf("timezone", ReferenceData.TIMEZONE_SET, false)
        .text("notes_external", 2000, false)
        .build();

    static Map<String, Object> view(HostedCompany company) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("company", company.id());
        view.put("name", company.id());
        view.put("language", "en");
        view.put("timezone", "UTC");
        view.putAll(company.attributes());
        view.put("created", company.createdAt().getEpochSecond());
        return view;
    }

    private CompanyAttributes() {
    }
}

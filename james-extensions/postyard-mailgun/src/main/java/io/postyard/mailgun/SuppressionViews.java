package io.postyard.mailgun;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionType;

/** Each list's entries in the shapes of the document's examples. */
final class SuppressionViews {
    static Map<String, Object> item(Suppression entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (entry.type()) {
            case BOUNCES -> {
                view.put("address", entry.value());
                view.put("code", entry.code().orElse(SuppressionRequests.DEFAULT_BOUNCE_CODE));
                view.put("error", entry.reason().orElse(""));
                view.put("created_at", MailgunDates.rfc2822(entry.createdAt()));
            }
            case COMPLAINTS -> {
                view.put("address", entry.value());
                entry.reason().ifPresent(reason -> view.put("error", reason));
                view.put("created_at", MailgunDates.rfc2822(entry.createdAt()));
            }
            case UNSUBSCRIBES -> {
                view.put("address", entry.value());
                entry.reason().ifPresent(reason -> view.put("error", reason));
                view.put("tags", entry.tags());
                view.put("created_at", MailgunDates.rfc2822(entry.createdAt()));
            }
            case WHITELISTS -> {
                view.put("created_at", MailgunDates.rfc2822(entry.createdAt()));
                entry.reason().ifPresent(reason -> view.put("reason", reason));
                view.put("type", entry.whitelistKind().orElseThrow().asString());
                view.put("value", entry.value());
            }
            default -> throw new IllegalStateException("Unknown list " + entry.type());
        }
        return view;
    }

    /** A single complaint is shown with {@code description}, as in the document's example, besides {@code error}. */
    static Map<String, Object> single(Suppression entry) {
        Map<String, Object> view = item(entry);
        if (entry.type() == SuppressionType.COMPLAINTS) {
            view.put("description", entry.reason().orElse(""));
        }
        return view;
    }

    static String notFound(SuppressionType type) {
        return "Address not found in " + type.asString() + " table";
    }

    static String added(SuppressionType type) {
        return type == SuppressionType.WHITELISTS
            ? "Address/Domain has been added to the whitelists table"
            : "Address has been added to the " + type.asString() + " table";
    }

    static String addedMany(SuppressionType type, int count) {
        return count + " addresses have been added to the " + type.asString() + " table";
    }

    static String removed(SuppressionType type) {
        return switch (type) {
            case BOUNCES -> "Bounced address has been removed";
            case COMPLAINTS -> "Spam complaint has been removed";
            case UNSUBSCRIBES -> "Unsubscribe event has been removed";
            case WHITELISTS -> "Whitelist address/domain has been removed";
        };
    }

    static String removedAll(SuppressionType type) {
        return switch (type) {
            case BOUNCES -> "Bounced addresses for this domain have been removed";
            case COMPLAINTS -> "Complaint addresses for this domain have been removed";
            case UNSUBSCRIBES -> "Unsubscribe addresses for this domain have been removed";
            case WHITELISTS -> "Whitelist addresses/domains for this domain have been removed";
        };
    }

    private SuppressionViews() {
    }
}

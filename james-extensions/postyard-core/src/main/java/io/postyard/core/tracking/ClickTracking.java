package io.postyard.core.tracking;

/** Click tracking rewrites links in every part, only in HTML parts, or not at all. */
public enum ClickTracking {
    ON,
    HTML_ONLY,
    OFF;

    public boolean isActive() {
        return this != OFF;
    }
}

package io.postyard.core.tracking;

import java.util.Objects;

/** A domain's tracking: open pixel, link rewriting, and the unsubscribe footer added to messages. */
public record TrackingSettings(boolean open, ClickTracking click, boolean unsubscribe, String unsubscribeHtmlFooter,
                               String unsubscribeTextFooter) {
    public static final String DEFAULT_HTML_FOOTER = "\n<br>\n<p><a href=\"%unsubscribe_url%\">unsubscribe</a></p>\n";
    public static final String DEFAULT_TEXT_FOOTER = "\n\nTo unsubscribe click: <%unsubscribe_url%>\n\n";
    public static final TrackingSettings DEFAULT = new TrackingSettings(false, ClickTracking.OFF, false,
        DEFAULT_HTML_FOOTER, DEFAULT_TEXT_FOOTER);

    public TrackingSettings {
        Objects.requireNonNull(click);
        Objects.requireNonNull(unsubscribeHtmlFooter);
        Objects.requireNonNull(unsubscribeTextFooter);
    }

    public TrackingSettings withOpen(boolean active) {
        return new TrackingSettings(active, click, unsubscribe, unsubscribeHtmlFooter, unsubscribeTextFooter);
    }

    public TrackingSettings withClick(ClickTracking newClick) {
        return new TrackingSettings(open, newClick, unsubscribe, unsubscribeHtmlFooter, unsubscribeTextFooter);
    }

    public TrackingSettings withUnsubscribe(boolean active, String htmlFooter, String textFooter) {
        return new TrackingSettings(open, click, active, htmlFooter, textFooter);
    }
}

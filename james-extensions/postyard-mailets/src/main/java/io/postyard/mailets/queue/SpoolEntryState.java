package io.postyard.mailets.queue;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The processor a mail was in when it was taken off the spool: processing it again from there, with the mail as it was
 * queued, repeats what the failed attempt did rather than what a fresh mail would go through (a copy made for one
 * recipient must not be split and tracked again).
 */
public final class SpoolEntryState {
    static final AttributeName ATTRIBUTE = AttributeName.of("postyard.spool-entry-state");

    private SpoolEntryState() {
    }

    static void record(Mail mail) {
        mail.setAttribute(new Attribute(ATTRIBUTE, AttributeValue.of(mail.getState())));
    }

    /** Where the mail entered processing; the root processor for mail that was not taken off the spool. */
    public static String of(Mail mail) {
        return mail.getAttribute(ATTRIBUTE)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .orElse(Mail.DEFAULT);
    }
}

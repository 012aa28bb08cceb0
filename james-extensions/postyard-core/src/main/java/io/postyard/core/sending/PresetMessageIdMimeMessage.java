package io.postyard.core.sending;

import java.io.InputStream;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID survives {@link #saveChanges()}: the id handed back to the API client must be the
 * one the recipient sees, and Jakarta Mail would otherwise replace it.
 */
public class PresetMessageIdMimeMessage extends MimeMessage {
    public PresetMessageIdMimeMessage(Session session) {
        super(session);
    }

    public PresetMessageIdMimeMessage(Session session, InputStream source) throws MessagingException {
        super(session, source);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}

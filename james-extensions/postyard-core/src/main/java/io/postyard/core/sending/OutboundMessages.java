package io.postyard.core.sending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

/** What every send shares, from the API or SMTP: the envelope sender, the size, the bytes. */
public final class OutboundMessages {
    /**
     * The envelope sender: delivery and abuse reports come back to it, and a per-message local part keeps it from
     * being anyone's mailbox.
     */
    public static MailAddress bounceAddress(Domain domain) {
        try {
            return new MailAddress("bounce+" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@" + domain.asString());
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long size(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.size();
        } catch (IOException | MessagingException e) {
            return 0;
        }
    }

    /** The message as it would be sent. */
    public static byte[] bytes(MimeMessage message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message", e);
        }
    }

    private OutboundMessages() {
    }
}

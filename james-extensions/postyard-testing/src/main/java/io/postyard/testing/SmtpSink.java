package io.postyard.testing;

import java.time.Duration;
import java.util.List;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on a free loopback port, standing in for the outside world as the outbound gateway. */
public class SmtpSink implements AutoCloseable {
    private final GreenMail greenMail;

    public SmtpSink() {
        this.greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    public SmtpSink start() {
        greenMail.start();
        return this;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The value for {@code POSTYARD_SMTP_GATEWAY}. */
    public String gateway() {
        return "127.0.0.1:" + port();
    }

    public List<MimeMessage> awaitMessages(int count, Duration timeout) {
        if (!greenMail.waitForIncomingEmail(timeout.toMillis(), count)) {
            throw new AssertionError("Expected " + count + " message(s) at the SMTP sink within " + timeout
                + ", got " + greenMail.getReceivedMessages().length);
        }
        return List.of(greenMail.getReceivedMessages());
    }

    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** What the sink received for one envelope recipient: GreenMail keeps a mailbox per recipient. */
    public List<MimeMessage> messagesTo(String address) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
            if (user == null) {
                return List.of();
            }
            return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage)
                .toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

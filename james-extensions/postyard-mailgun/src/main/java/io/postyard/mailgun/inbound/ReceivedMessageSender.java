package io.postyard.mailgun.inbound;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

import io.postyard.core.domain.MailDomain;
import io.postyard.core.sending.PresetMessageIdMimeMessage;
import io.postyard.core.sending.SenderIdentity;
import io.postyard.core.sending.SendingService;
import io.postyard.core.sending.Submission;

/**
 * Sends received mail on through the one submission path: a route's {@code forward("address")} and a stored message
 * resent to new recipients. The message goes as it came, its authors unchanged (and no one else allowed in them),
 * with the receiving domain's envelope sender and DKIM signature, and without tracking, which would change it. Each
 * pass counts a {@link RouteHops hop}.
 */
public class ReceivedMessageSender {
    private static final List<String> AUTHOR_HEADERS = List.of("From", "Sender");

    private final SendingService sending;

    @Inject
    public ReceivedMessageSender(SendingService sending) {
        this.sending = sending;
    }

    /**
     * @return the message id of the copy sent
     * @throws io.postyard.core.domain.DomainNotFoundException when the receiving domain is gone
     * @throws io.postyard.core.sending.DomainCannotSendException when it may not send
     */
    public String send(ReceivedMessage received, List<MailAddress> recipients) throws MessagingException {
        MailDomain domain = sending.sendingDomain(received.account(), received.domain());
        MimeMessage message = new PresetMessageIdMimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(received.raw()));
        RouteHops.count(message);
        message.removeHeader("Return-Path");
        message.removeHeader("Delivered-To");
        String messageId = sending.ownOrNewMessageId(message, domain.name());
        sending.submit(Submission.builder(received.account(), domain, SenderIdentity.receivedFrom(authors(message)), message, messageId)
            .recipients(recipients)
            .tracking(Optional.of(false), Optional.of(false))
            .build());
        return messageId;
    }

    /** The addresses of the message's From and Sender headers: who received mail sent on may still name as its author. */
    public static List<MailAddress> authors(MimeMessage message) throws MessagingException {
        List<MailAddress> authors = new ArrayList<>();
        for (String header : AUTHOR_HEADERS) {
            String[] values = message.getHeader(header);
            for (String value : values == null ? new String[0] : values) {
                for (Mailbox mailbox : LenientAddressParser.DEFAULT.parseAddressList(value).flatten()) {
                    try {
                        authors.add(new MailAddress(mailbox.getAddress()));
                    } catch (javax.mail.internet.AddressException | IllegalArgumentException e) {
                        // Not an address: the check on the final message refuses it.
                    }
                }
            }
        }
        return authors;
    }
}

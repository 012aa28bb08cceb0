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
 * pass counts a hop in a header, so that routes forwarding to each other stop after {@value #MAX_HOPS}.
 */
public class ReceivedMessageSender {
    static final String HOPS_HEADER = "X-Postyard-Route-Hops";
    static final int MAX_HOPS = 3;
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
        message.setHeader(HOPS_HEADER, Integer.toString(hops(message) + 1));
        message.removeHeader("Return-Path");
        message.removeHeader("Delivered-To");
        String messageId = Optional.ofNullable(message.getHeader("Message-ID", null))
            .map(String::trim)
            .filter(id -> id.matches("<[^<>\\s]+@[^<>\\s]+>"))
            .orElseGet(() -> sending.newMessageId(domain.name()));
        sending.submit(Submission.builder(received.account(), domain, SenderIdentity.receivedFrom(authors(message)), message, messageId)
            .recipients(recipients)
            .tracking(Optional.of(false), Optional.of(false))
            .build());
        return messageId;
    }

    /** How many times routes already sent this message on. */
    static int hops(MimeMessage message) throws MessagingException {
        try {
            return Optional.ofNullable(message.getHeader(HOPS_HEADER, null)).map(String::trim).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return MAX_HOPS;
        }
    }

    private static List<MailAddress> authors(MimeMessage message) throws MessagingException {
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

package io.postyard.openmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.mailbox.DefaultMailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.key.ApiKey;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.sending.DomainCannotSendException;
import io.postyard.core.sending.MessageComposer;
import io.postyard.core.sending.SenderIdentity;
import io.postyard.core.sending.SendingService;
import io.postyard.core.sending.Submission;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.http.ApiException;
import io.postyard.openmail.store.Direction;
import io.postyard.openmail.store.MailThread;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Sends from an inbox through the pipeline every provider shares (James's spool: suppressions, DKIM, delivery events),
 * as a reply with {@code In-Reply-To} and {@code References} when it is sent in a thread; keeps a copy in the inbox's
 * {@code Sent} mailbox and files it in its thread.
 */
class OutboundMail {
    private static final Logger LOGGER = LoggerFactory.getLogger(OutboundMail.class);
    static final String INBOX_VARIABLE = "openmail-inbox-id";
    static final String MESSAGE_VARIABLE = "openmail-message-id";
    static final String SENT_STATUS = "sent";

    private final SendingService sending;
    private final SuppressionService suppressions;
    private final MailboxMessages mailboxMessages;
    private final Conversations conversations;
    private final SendLimits limits;
    private final Clock clock;

    @Inject
    OutboundMail(SendingService sending, SuppressionService suppressions, MailboxMessages mailboxMessages,
                 Conversations conversations, SendLimits limits, Clock clock) {
        this.sending = sending;
        this.suppressions = suppressions;
        this.mailboxMessages = mailboxMessages;
        this.conversations = conversations;
        this.limits = limits;
        this.clock = clock;
    }

    ThreadMessage send(ApiKey key, OpenmailInbox inbox, SendBody body) throws MessagingException {
        Optional<MailThread> thread = body.threadId().map(id -> conversations.thread(inbox, id));
        MailDomain domain = domainOf(inbox);
        List<MailAddress> recipients = body.recipients();
        refuseSuppressed(domain, recipients);
        limits.charge(inbox);

        Conversations.Reply reply = thread.map(conversations::replyTo).orElse(new Conversations.Reply(Optional.empty(), List.of()));
        String subject = body.subject().orElseGet(() -> replySubject(thread.orElseThrow().subject()));
        String rfcMessageId = sending.newMessageId(domain.name());
        String messageId = OpenmailIds.message();
        MimeMessage mime = MessageComposer.compose(new MessageComposer.Content(new InternetAddress(inbox.address().asString()), body.to(),
            body.cc(), List.of(), subject, Optional.of(body.text()), body.html(), Optional.empty(), body.attachments(), List.of(),
            threadingHeaders(reply)), rfcMessageId);
        byte[] raw = raw(mime);
        sending.submit(Submission.builder(key.account(), domain, SenderIdentity.mailbox(inbox.address()), mime, rfcMessageId)
            .recipients(recipients)
            .variables(Map.of(INBOX_VARIABLE, inbox.id(), MESSAGE_VARIABLE, messageId))
            .build());

        Instant now = clock.instant();
        Optional<ThreadMessage.StoredCopy> copy = keepSentCopy(inbox, raw);
        List<ThreadMessage.AttachmentInfo> attachments = Attachments.of(ParsedMessage.parse(raw));
        return conversations.recordOutbound(inbox, thread, subject, now, threadId -> new ThreadMessage(messageId, threadId, inbox.id(),
            Direction.OUTBOUND, Optional.of(rfcMessageId), reply.references(), inbox.address().asString(), addresses(body.to()),
            addresses(body.cc()), subject, body.text(), SENT_STATUS, now, copy, attachments));
    }

    /** Nothing is sent when one recipient is suppressed: the agent decides what to do without it. */
    private void refuseSuppressed(MailDomain domain, List<MailAddress> recipients) {
        for (MailAddress recipient : recipients) {
            if (suppressions.suppressionFor(domain.name(), recipient, List.of()).isPresent()) {
                throw OpenmailErrors.recipientSuppressed(recipient.asString());
            }
        }
    }

    private static byte[] raw(MimeMessage mime) throws MessagingException {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mime.writeTo(raw);
            return raw.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Cannot write the message", e);
        }
    }

    /** The rule is the sending service's; this only says it in openmail's words. */
    private MailDomain domainOf(OpenmailInbox inbox) {
        try {
            return sending.sendingDomainOf(inbox.address());
        } catch (DomainNotFoundException | DomainCannotSendException e) {
            throw ApiException.forbidden("Sending from " + inbox.address().getDomain().asString() + " is disabled");
        }
    }

    /** The mail is on its way already: a copy that cannot be kept is logged, never a reason to fail the send. */
    private Optional<ThreadMessage.StoredCopy> keepSentCopy(OpenmailInbox inbox, byte[] raw) {
        try {
            long uid = mailboxMessages.appendSent(Username.of(inbox.address().asString()), DefaultMailboxes.SENT, raw);
            return Optional.of(new ThreadMessage.StoredCopy(DefaultMailboxes.SENT, uid));
        } catch (RuntimeException e) {
            LOGGER.warn("No Sent copy of a message of inbox {}: {}", inbox.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, String> threadingHeaders(Conversations.Reply reply) {
        Map<String, String> headers = new LinkedHashMap<>();
        reply.inReplyTo().ifPresent(parent -> headers.put("In-Reply-To", parent));
        if (!reply.references().isEmpty()) {
            headers.put("References", String.join(" ", reply.references()));
        }
        return headers;
    }

    private static String replySubject(String threadSubject) {
        return threadSubject.regionMatches(true, 0, "Re:", 0, 3) ? threadSubject : "Re: " + threadSubject;
    }

    private static List<String> addresses(List<InternetAddress> addresses) {
        return addresses.stream().map(InternetAddress::getAddress).toList();
    }
}

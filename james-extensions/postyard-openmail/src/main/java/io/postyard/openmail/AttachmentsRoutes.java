package io.postyard.openmail;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;

import spark.Request;
import spark.Response;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.core.link.SignedLinks;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.http.Authenticated;
import io.postyard.http.Downloads;
import io.postyard.http.ErrorCode;
import io.postyard.http.QueryParams;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * {@code GET /v1/attachments/{messageId}/{filename}}: the decoded bytes of a message's attachment, read from the
 * message's MIME in James. It takes the key, like every route, and the URL's signature, so a URL stops working when
 * it expires; another account's message is not found.
 */
class AttachmentsRoutes {
    private final InboxLookup inboxes;
    private final Conversations conversations;
    private final MailboxMessages mailboxMessages;
    private final AttachmentLinks links;

    @Inject
    AttachmentsRoutes(InboxLookup inboxes, Conversations conversations, MailboxMessages mailboxMessages, AttachmentLinks links) {
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.mailboxMessages = mailboxMessages;
        this.links = links;
    }

    void define(Service service, String base) {
        service.get(base + "/attachments/:message/:filename", this::download);
    }

    private Object download(Request request, Response response) {
        ApiKey key = Authenticated.require(request);
        ThreadMessage message = conversations.message(key, request.params("message"));
        String filename = request.params("filename");
        checkSignature(message.id(), filename, request);
        ThreadMessage.AttachmentInfo attachment = message.attachments().stream().filter(candidate -> candidate.filename().equals(filename))
            .findFirst().orElseThrow(() -> OpenmailErrors.notFound("Attachment " + filename));
        OpenmailInbox inbox = inboxes.owned(key, message.inboxId());
        ParsedMessage.ParsedAttachment part = message.copy()
            .flatMap(copy -> mailboxMessages.get(Username.of(inbox.address().asString()), copy.mailbox(), copy.uid()))
            .flatMap(stored -> ParsedMessage.parse(stored.raw()).attachments().stream()
                .filter(candidate -> candidate.index() == attachment.index()).findFirst())
            .orElseThrow(() -> OpenmailErrors.notFound("Attachment " + filename + " (its message was removed from the mailbox)"));
        return Downloads.attachment(response, part.filename(), part.contentType(), part.content());
    }

    private void checkSignature(String messageId, String filename, Request request) {
        Optional<Long> expires = QueryParams.string(request, AttachmentLinks.EXPIRES).flatMap(AttachmentsRoutes::number);
        Optional<String> signature = QueryParams.string(request, AttachmentLinks.SIGNATURE);
        SignedLinks.Verdict verdict = expires.isEmpty() || signature.isEmpty()
            ? SignedLinks.Verdict.INVALID
            : links.verify(messageId, filename, expires.get(), signature.get());
        switch (verdict) {
            case EXPIRED -> throw OpenmailErrors.of(403, ErrorCode.FORBIDDEN, "url_expired",
                "This attachment URL has expired: read the message again for a fresh one");
            case INVALID -> throw OpenmailErrors.of(403, ErrorCode.FORBIDDEN, "invalid_signature",
                "This attachment URL is not signed for this file: use the url the message gives");
            default -> {
            }
        }
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.postyard.openmail;

import javax.inject.Inject;

import org.apache.james.core.Username;

import spark.Request;
import spark.Response;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.http.Authenticated;
import io.postyard.http.Downloads;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * {@code GET /v1/attachments/{messageId}/{filename}}: the decoded bytes of a message's attachment, read from the
 * message's MIME in James. The Bearer key of the inbox's owner is all it takes, as the document has it, so an agent
 * can build the path itself or keep a URL for later. Another account's message is not found, like one that does not
 * exist.
 */
class AttachmentsRoutes {
    private final InboxLookup inboxes;
    private final Conversations conversations;
    private final MailboxMessages mailboxMessages;

    @Inject
    AttachmentsRoutes(InboxLookup inboxes, Conversations conversations, MailboxMessages mailboxMessages) {
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.mailboxMessages = mailboxMessages;
    }

    void define(Service service, String base) {
        service.get(base + "/attachments/:message/:filename", this::download);
    }

    private Object download(Request request, Response response) {
        ApiKey key = Authenticated.require(request);
        ThreadMessage message = conversations.message(key, request.params("message"));
        String filename = request.params("filename");
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
}

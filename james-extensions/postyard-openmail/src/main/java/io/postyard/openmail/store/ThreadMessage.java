package io.postyard.openmail.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a thread, as the API shows it, kept when it is received or sent. The MIME itself stays in James: in
 * the inbox's INBOX for received mail, in its {@code Sent} mailbox for sent mail ({@link #copy()}), where attachments
 * are read from.
 *
 * @param rfcMessageId the Message-ID header, with its angle brackets; empty when a received message had none
 * @param references the message ids of its References header, oldest first: a reply's References are these plus this
 *                   message's id
 */
public record ThreadMessage(String id, String threadId, String inboxId, Direction direction, Optional<String> rfcMessageId,
                            List<String> references, String fromAddr, List<String> toAddrs, List<String> cc, String subject,
                            String bodyText, String status, Instant createdAt, Optional<StoredCopy> copy,
                            List<AttachmentInfo> attachments) {
    /** Where the message's MIME is: a mailbox of the inbox's James user, and its UID there. */
    public record StoredCopy(String mailbox, long uid) {
        public StoredCopy {
            Objects.requireNonNull(mailbox);
        }
    }

    /** An attachment's name, type and decoded size; {@code index} is its position among the message's attachments. */
    public record AttachmentInfo(int index, String filename, String contentType, long sizeBytes) {
        public AttachmentInfo {
            Objects.requireNonNull(filename);
            Objects.requireNonNull(contentType);
        }
    }

    public ThreadMessage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(threadId);
        Objects.requireNonNull(inboxId);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(rfcMessageId);
        references = List.copyOf(references);
        Objects.requireNonNull(fromAddr);
        toAddrs = List.copyOf(toAddrs);
        cc = List.copyOf(cc);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(bodyText);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(copy);
        attachments = List.copyOf(attachments);
    }
}

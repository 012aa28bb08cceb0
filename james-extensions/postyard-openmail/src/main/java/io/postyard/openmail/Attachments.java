package io.postyard.openmail;

import java.util.List;

import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.openmail.store.ThreadMessage;

/** A message's attachments as its index keeps them, read from its MIME the same way for received and sent mail. */
final class Attachments {
    static List<ThreadMessage.AttachmentInfo> of(ParsedMessage parsed) {
        return parsed.attachments().stream()
            .map(part -> new ThreadMessage.AttachmentInfo(part.index(), part.filename(), part.contentType(), part.content().length))
            .toList();
    }

    private Attachments() {
    }
}

package io.postyard.core.mailbox;

import java.util.List;

/** One page of a mailbox, newest first, with how many messages the mailbox holds. */
public record MessagePage(List<StoredMessage> messages, long total) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}

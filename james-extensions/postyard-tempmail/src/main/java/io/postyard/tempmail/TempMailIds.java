package io.postyard.tempmail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.postyard.core.mailbox.HostedMailbox;

/**
 * Message and attachment ids: the address's mailbox, the message's UID in it, and the part's position, so a lookup
 * needs no index of its own. They are opaque to clients; whose they are is checked on every use.
 */
final class TempMailIds {
    static final String MAILBOX_PREFIX = "tm_";
    private static final Pattern MESSAGE = Pattern.compile("([0-9a-f]{24})\\.(\\d{1,18})");
    private static final Pattern ATTACHMENT = Pattern.compile("([0-9a-f]{24})\\.(\\d{1,18})\\.(\\d{1,6})");

    record MessageRef(String mailboxId, long uid) {
    }

    record AttachmentRef(MessageRef message, int index) {
    }

    static String message(HostedMailbox mailbox, long uid) {
        return mailbox.id().substring(MAILBOX_PREFIX.length()) + "." + uid;
    }

    static String attachment(HostedMailbox mailbox, long uid, int index) {
        return message(mailbox, uid) + "." + index;
    }

    static Optional<MessageRef> parseMessage(String id) {
        Matcher matcher = MESSAGE.matcher(id);
        return matcher.matches() ? Optional.of(new MessageRef(MAILBOX_PREFIX + matcher.group(1), Long.parseLong(matcher.group(2)))) : Optional.empty();
    }

    static Optional<AttachmentRef> parseAttachment(String id) {
        Matcher matcher = ATTACHMENT.matcher(id);
        return matcher.matches()
            ? Optional.of(new AttachmentRef(new MessageRef(MAILBOX_PREFIX + matcher.group(1), Long.parseLong(matcher.group(2))),
                Integer.parseInt(matcher.group(3))))
            : Optional.empty();
    }

    private TempMailIds() {
    }
}

package io.postyard.opensrs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxCounters;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;

import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.UserMailboxSessions;

/** A user's IMAP folders and their messages, read and changed through James's {@link MailboxManager}, as IMAP would. */
public class UserMailboxes {
    public record Folder(String name, long messages, long unseen) {
    }

    public record MessageHeaders(long uid, long size, Date receivedAt, boolean seen, ParsedMessage headers) {
    }

    private final MailboxManager mailboxes;
    private final UserMailboxSessions sessions;

    @Inject
    public UserMailboxes(MailboxManager mailboxes, UserMailboxSessions sessions) {
        this.mailboxes = mailboxes;
        this.sessions = sessions;
    }

    public List<Folder> folders(Username user) {
        return sessions.run(user, session -> {
            List<Folder> folders = new ArrayList<>();
            for (MailboxPath path : sessions.owned(session)) {
                MailboxCounters counters = mailboxes.getMailbox(path, session).getMailboxCounters(session);
                folders.add(new Folder(path.getName(), counters.getCount(), counters.getUnseen()));
            }
            folders.sort(Comparator.comparing(Folder::name));
            return folders;
        });
    }

    /** The folder's messages by UID, newest first when {@code newestFirst}; empty when there is no such folder. */
    public Optional<List<MessageHeaders>> messages(Username user, String folder, boolean newestFirst, boolean unseenOnly, int limit) {
        return sessions.run(user, session -> {
            MessageManager mailbox;
            try {
                mailbox = mailboxes.getMailbox(MailboxPath.forUser(user, folder), session);
            } catch (MailboxNotFoundException e) {
                return Optional.empty();
            }
            List<MessageHeaders> messages = new ArrayList<>();
            var results = mailbox.getMessages(MessageRange.all(), FetchGroup.HEADERS, session);
            while (results.hasNext()) {
                MessageResult result = results.next();
                boolean seen = result.getFlags().contains(Flags.Flag.SEEN);
                if (!unseenOnly || !seen) {
                    messages.add(new MessageHeaders(result.getUid().asLong(), result.getSize(), result.getInternalDate(), seen,
                        ParsedMessage.parse(UserMailboxSessions.read(result.getHeaders().getInputStream()))));
                }
            }
            Comparator<MessageHeaders> byUid = Comparator.comparingLong(MessageHeaders::uid);
            messages.sort(newestFirst ? byUid.reversed() : byUid);
            return Optional.of(List.copyOf(messages.subList(0, Math.min(limit, messages.size()))));
        });
    }

    public boolean hasFolder(Username user, String folder) {
        return sessions.run(user, session -> sessions.exists(MailboxPath.forUser(user, folder), session));
    }

    /** Moves one message; tells whether it was there. */
    public boolean move(Username user, long uid, String from, String to) {
        return sessions.run(user, session -> {
            MailboxPath source = MailboxPath.forUser(user, from);
            MessageManager mailbox = mailboxes.getMailbox(source, session);
            if (!mailbox.getMessages(MessageRange.one(MessageUid.of(uid)), FetchGroup.MINIMAL, session).hasNext()) {
                return false;
            }
            mailboxes.moveMessages(MessageRange.one(MessageUid.of(uid)), source, MailboxPath.forUser(user, to), session);
            return true;
        });
    }
}

package io.postyard.core.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;

/**
 * Reads and removes the messages of a user's INBOX through James's {@link MailboxManager}, as IMAP would, and keeps
 * copies of what the user sent in another of its mailboxes (openmail's sent mail, in {@code Sent}).
 */
public class MailboxMessages {
    private final MailboxManager mailboxes;

    @Inject
    public MailboxMessages(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** Page {@code page} (from 1) of {@code limit} messages, newest first. */
    public MessagePage list(Username user, int page, int limit) {
        return inInbox(user, (inbox, session) -> {
            List<MessageUid> uids = new ArrayList<>();
            MessageResultIterator all = inbox.getMessages(MessageRange.all(), FetchGroup.MINIMAL, session);
            all.forEachRemaining(result -> uids.add(result.getUid()));
            uids.sort(Comparator.reverseOrder());
            int from = Math.min(uids.size(), (page - 1) * limit);
            List<StoredMessage> messages = new ArrayList<>();
            for (MessageUid uid : uids.subList(from, Math.min(uids.size(), from + limit))) {
                fetch(inbox, session, uid).ifPresent(messages::add);
            }
            return new MessagePage(messages, uids.size());
        }).orElse(new MessagePage(List.of(), 0));
    }

    public Optional<StoredMessage> get(Username user, long uid) {
        return get(user, MailboxConstants.INBOX, uid);
    }

    /** A message of one of the user's mailboxes, by name. */
    public Optional<StoredMessage> get(Username user, String mailbox, long uid) {
        return inMailbox(MailboxPath.forUser(user, mailbox), (messages, session) -> fetch(messages, session, MessageUid.of(uid)))
            .flatMap(found -> found);
    }

    /** Stores a message the user sent, already read, in one of its mailboxes (made when missing); tells its UID. */
    public long appendSent(Username user, String mailbox, byte[] raw) {
        MailboxPath path = MailboxPath.forUser(user, mailbox);
        MailboxSession session = mailboxes.createSystemSession(user);
        try {
            MessageManager.AppendResult appended = existingOrNew(path, session).appendMessage(
                MessageManager.AppendCommand.builder().withFlags(new Flags(Flags.Flag.SEEN)).notRecent().build(raw), session);
            return appended.getId().getUid().asLong();
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot store a sent message of " + user.asString(), e);
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }

    /** Removes the message; tells whether there was one. */
    public boolean delete(Username user, long uid) {
        return inInbox(user, (inbox, session) -> {
            if (fetch(inbox, session, MessageUid.of(uid)).isEmpty()) {
                return false;
            }
            inbox.delete(List.of(MessageUid.of(uid)), session);
            return true;
        }).orElse(false);
    }

    private Optional<StoredMessage> fetch(MessageManager inbox, MailboxSession session, MessageUid uid) throws MailboxException {
        MessageResultIterator results = inbox.getMessages(MessageRange.one(uid), FetchGroup.FULL_CONTENT, session);
        if (!results.hasNext()) {
            return Optional.empty();
        }
        MessageResult result = results.next();
        try (InputStream content = result.getFullContent().getInputStream()) {
            return Optional.of(new StoredMessage(uid.asLong(), result.getInternalDate().toInstant(), result.getSize(),
                result.getFlags().contains(Flags.Flag.SEEN), content.readAllBytes()));
        } catch (IOException e) {
            throw new MailboxException("Cannot read message " + uid.asLong(), e);
        }
    }

    private MessageManager existingOrNew(MailboxPath path, MailboxSession session) throws MailboxException {
        try {
            return mailboxes.getMailbox(path, session);
        } catch (MailboxNotFoundException missing) {
            try {
                mailboxes.createMailbox(path, session);
            } catch (MailboxExistsException createdMeanwhile) {
                // Another send made it first: use it.
            }
            return mailboxes.getMailbox(path, session);
        }
    }

    private interface InboxWork<T> {
        T apply(MessageManager inbox, MailboxSession session) throws MailboxException;
    }

    private <T> Optional<T> inInbox(Username user, InboxWork<T> work) {
        return inMailbox(MailboxPath.inbox(user), work);
    }

    private <T> Optional<T> inMailbox(MailboxPath path, InboxWork<T> work) {
        MailboxSession session = mailboxes.createSystemSession(path.getUser());
        try {
            return Optional.of(work.apply(mailboxes.getMailbox(path, session), session));
        } catch (MailboxNotFoundException e) {
            return Optional.empty();
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot read " + path.getName() + " of " + path.getUser().asString(), e);
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }
}

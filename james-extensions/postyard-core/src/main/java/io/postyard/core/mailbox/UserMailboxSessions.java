package io.postyard.core.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;

import reactor.core.publisher.Mono;

/** Work on one user's mailboxes in a system session of James's {@link MailboxManager}, ended whatever happens. */
public class UserMailboxSessions {
    /** What is done in the session; James's checked failures become {@link IllegalStateException}s. */
    public interface Work<T> {
        T apply(MailboxSession session) throws MailboxException, IOException;
    }

    private final MailboxManager mailboxes;

    @Inject
    public UserMailboxSessions(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    public <T> T run(Username user, Work<T> work) {
        MailboxSession session = mailboxes.createSystemSession(user);
        try {
            return work.apply(session);
        } catch (MailboxException | IOException e) {
            throw new IllegalStateException("James could not reach the mailboxes of " + user.asString(), e);
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }

    /** The session user's own mailboxes, not the ones shared with it. */
    public List<MailboxPath> owned(MailboxSession session) throws MailboxException {
        return mailboxes.list(session).stream().filter(path -> path.belongsTo(session)).toList();
    }

    public boolean exists(MailboxPath path, MailboxSession session) {
        return Boolean.TRUE.equals(Mono.from(mailboxes.mailboxExists(path, session)).block());
    }

    public static byte[] read(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            return in.readAllBytes();
        }
    }
}

package io.postyard.core.mailbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.user.api.AlreadyExistInUsersRepositoryException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;

/**
 * A mail user's life in James, in one place: its login (James's {@link UsersRepository}, which IMAP, POP3 and SMTP
 * AUTH check), its mail (James's {@link MailboxManager}), and, through {@link MailRouting} and {@link MailboxLimits},
 * its aliases, forwards, quota and autoresponder. Every provider that makes mail users goes through it: Mailgun's SMTP
 * credentials, the hosted mailboxes of OmyPost, Temp Mail and openmail, OMA's users.
 */
public class MailUsers {
    private final UsersRepository users;
    private final MailboxManager mailboxes;
    private final UserMailboxSessions sessions;
    private final MailRouting routing;
    private final MailboxLimits limits;

    @Inject
    public MailUsers(UsersRepository users, MailboxManager mailboxes, UserMailboxSessions sessions, MailRouting routing,
                     MailboxLimits limits) {
        this.users = users;
        this.mailboxes = mailboxes;
        this.sessions = sessions;
        this.routing = routing;
        this.limits = limits;
    }

    /**
     * A new login with an empty INBOX. Mail to the name that arrived after a former user of it was removed (delivery
     * makes the INBOX again) is not the new user's: it is removed first.
     */
    public void create(Username name, String password) {
        try {
            if (users.contains(name)) {
                throw new MailUserExistsException(name);
            }
            users.addUser(name, password);
        } catch (AlreadyExistInUsersRepositoryException e) {
            throw new MailUserExistsException(name);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James refused user " + name.asString(), e);
        }
        sessions.run(name, session -> {
            removeMailboxes(session);
            mailboxes.createMailbox(MailboxPath.inbox(name), session);
            return null;
        });
    }

    public boolean exists(Username name) {
        try {
            return users.contains(name);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not look up " + name.asString(), e);
        }
    }

    /** Every user of the domain, by name. */
    public List<Username> ofDomain(Domain domain) {
        try {
            List<Username> found = new ArrayList<>();
            Iterator<Username> all = users.list();
            while (all.hasNext()) {
                Username name = all.next();
                if (name.getDomainPart().map(domain::equals).orElse(false)) {
                    found.add(name);
                }
            }
            found.sort(Comparator.comparing(Username::asString));
            return List.copyOf(found);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not list its users", e);
        }
    }

    public void setPassword(Username name, String password) {
        try {
            User user = Optional.ofNullable(users.getUserByName(name)).orElseThrow(() -> new MailUserNotFoundException(name));
            user.setPassword(password);
            users.updateUser(user);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not change the password of " + name.asString(), e);
        }
    }

    /**
     * Removes everything of the user: its aliases and forwards, quota and autoresponder, its mail, then its login. A
     * name that is no user loses what it had of these.
     */
    public void delete(Username name) {
        routing.clear(name);
        limits.removeAll(name);
        deleteMail(name);
        try {
            if (users.contains(name)) {
                users.removeUser(name);
            }
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not remove " + name.asString(), e);
        }
    }

    /** Removes every folder of the user and the messages in them; the login stays. */
    public void deleteMail(Username name) {
        sessions.run(name, session -> {
            removeMailboxes(session);
            return null;
        });
    }

    /**
     * Moves every folder and message of {@code from} to {@code to} (a rename keeps the mail), keeping flags and dates;
     * {@code from} is left with no folder.
     */
    public void moveMail(Username from, Username to) {
        sessions.run(from, source -> sessions.run(to, target -> {
            for (MailboxPath path : sessions.owned(source)) {
                MailboxPath destination = MailboxPath.forUser(to, path.getName());
                if (!sessions.exists(destination, target)) {
                    mailboxes.createMailbox(destination, target);
                }
                MessageManager into = mailboxes.getMailbox(destination, target);
                var results = mailboxes.getMailbox(path, source).getMessages(MessageRange.all(), FetchGroup.FULL_CONTENT, source);
                while (results.hasNext()) {
                    MessageResult message = results.next();
                    Flags flags = message.getFlags();
                    flags.remove(Flags.Flag.RECENT);
                    into.appendMessage(MessageManager.AppendCommand.builder()
                        .withFlags(flags)
                        .withInternalDate(message.getInternalDate())
                        .notRecent()
                        .build(UserMailboxSessions.read(message.getFullContent().getInputStream())), target);
                }
            }
            return null;
        }));
        deleteMail(from);
    }

    private void removeMailboxes(MailboxSession session) throws MailboxException {
        for (MailboxPath path : sessions.owned(session)) {
            mailboxes.deleteMailbox(path, session);
        }
    }
}

package io.postyard.core.mailbox;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

/**
 * What a provider module decides about the James users it manages: whether they may log in (IMAP, POP3, SMTP AUTH)
 * and whether mail to an address is accepted. James asks every registered policy; a user no policy knows is allowed.
 */
public interface MailUserPolicy {
    boolean mayLogIn(Username user);

    boolean acceptsMail(MailAddress recipient);

    /** Whether the domain's logins are mailboxes this provider hosts: each sends as itself, never as its domain. */
    default boolean hostsMailboxes(Domain domain) {
        return false;
    }

    /**
     * For a renamed user whose password James could not carry over (it salts hashes with the name): the former name,
     * whose password still opens the new one until the first login moves it.
     */
    default Optional<Username> formerName(Username user) {
        return Optional.empty();
    }

    /** Called once the password of {@code user}'s former name has been moved to {@code user}. */
    default void formerPasswordMoved(Username user) {
    }
}

package io.postyard.core.mailbox;

import org.apache.james.core.Username;

/** The name is a James user already. */
public class MailUserExistsException extends RuntimeException {
    public MailUserExistsException(Username name) {
        super("User " + name.asString() + " already exists");
    }
}

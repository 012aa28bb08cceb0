package io.postyard.core.mailbox;

import org.apache.james.core.Username;

/** The name is no James user. */
public class MailUserNotFoundException extends RuntimeException {
    public MailUserNotFoundException(Username name) {
        super("User " + name.asString() + " does not exist");
    }
}

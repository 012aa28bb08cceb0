package io.postyard.core.mailbox;

import java.util.Objects;

/** A new mailbox with the password of its James user, which is shown this one time and never stored by Postyard. */
public record CreatedMailbox(HostedMailbox mailbox, String password) {
    public CreatedMailbox {
        Objects.requireNonNull(mailbox);
        Objects.requireNonNull(password);
    }

    @Override
    public String toString() {
        return "CreatedMailbox{" + mailbox.id() + "}";
    }
}

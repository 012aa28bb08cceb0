package io.postyard.core.mailbox;

import java.util.Objects;

/**
 * A kind of hosted mailbox a provider module keeps ({@code provider} as in {@link HostedMailbox#provider()}), with the
 * name people know it by: how the console lists them without naming any provider itself.
 */
public record HostedMailboxKind(String provider, String label) {
    public HostedMailboxKind {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(label);
    }
}

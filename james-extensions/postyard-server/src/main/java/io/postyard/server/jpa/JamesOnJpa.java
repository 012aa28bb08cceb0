package io.postyard.server.jpa;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import io.postyard.server.DurableJames;

/**
 * James with its storage in Postyard's SQL database through James's JPA implementations (James publishes them, not
 * their Guice modules): the embedded profile. As James's JPA server, it has no DLP rules and no mailbox exports.
 */
public final class JamesOnJpa {
    public static final Module ALL = Modules.combine(
        DurableJames.WITHOUT_STORAGE,
        new JamesJpaDataModule(),
        new JamesJpaMailboxModule());

    private JamesOnJpa() {
    }
}

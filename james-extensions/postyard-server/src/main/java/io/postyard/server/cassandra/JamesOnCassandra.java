package io.postyard.server.cassandra;

import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.modules.BlobExportMechanismModule;
import org.apache.james.modules.server.DLPRoutesModule;
import org.apache.james.modules.server.MailboxesExportRoutesModule;

import com.google.inject.Module;
import com.google.inject.util.Modules;

import io.postyard.server.DurableJames;

/**
 * James with its storage on Cassandra: our Cassandra wiring of James's Cassandra implementations (James publishes the
 * implementations, not their Guice modules), with the DLP rules and mailbox exports its event store and blob store
 * allow.
 */
public final class JamesOnCassandra {
    private static final Module STORAGE = Modules.combine(
        new JamesCassandraSessionModule(),
        new JamesCassandraBlobModule(),
        new JamesCassandraDataModule(),
        new JamesCassandraMailboxModule(),
        // Mailbox search scans the mailbox, as on the memory profile; an OpenSearch index can replace it later.
        new FakeSearchMailboxModule());

    public static final Module ALL = Modules.combine(
        DurableJames.WITHOUT_STORAGE,
        new BlobExportMechanismModule(),
        new DLPRoutesModule(),
        new MailboxesExportRoutesModule(),
        STORAGE);

    private JamesOnCassandra() {
    }
}

package io.postyard.server.cassandra;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.modules.server.MailetContainerModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.BlobExportMechanismModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.LMTPServerModule;
import org.apache.james.modules.protocols.ManageSieveServerModule;
import org.apache.james.modules.protocols.POP3ServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.server.DKIMMailetModule;
import org.apache.james.modules.server.DLPRoutesModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.MailboxesExportRoutesModule;
import org.apache.james.modules.server.SieveRoutesModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.VacationRoutesModule;
import org.apache.james.modules.server.WebAdminServerModule;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * James with its storage on Cassandra: the protocols, mailet container and WebAdmin routes James's memory server
 * has, over our Cassandra wiring of James's Cassandra implementations (James publishes the implementations, not their
 * Guice modules). No JMAP: Postyard's APIs take its place, and without it no JMAP-only data needs a home.
 */
public final class JamesOnCassandra {
    public static final Module PROTOCOLS = Modules.combine(
        new IMAPServerModule(),
        new LMTPServerModule(),
        new ManageSieveServerModule(),
        new POP3ServerModule(),
        new ProtocolHandlerModule(),
        new SMTPServerModule());

    public static final Module WEBADMIN = Modules.combine(
        new WebAdminServerModule(),
        new DataRoutesModules(),
        new VacationRoutesModule(),
        new DLPRoutesModule(),
        new MailboxesExportRoutesModule(),
        new MailboxRoutesModule(),
        new MailQueueRoutesModule(),
        new MailRepositoriesRoutesModule(),
        new SieveRoutesModule());

    public static final Module STORAGE = Modules.combine(
        new JamesCassandraSessionModule(),
        new JamesCassandraBlobModule(),
        new JamesCassandraDataModule(),
        new JamesCassandraMailboxModule(),
        // Mailbox search scans the mailbox, as on the memory profile; an OpenSearch index can replace it later.
        new FakeSearchMailboxModule());

    public static final Module ALL = Modules.combine(
        new MailetProcessingModule(),
        new MailboxModule(),
        new TaskManagerModule(),
        new BlobExportMechanismModule(),
        new JamesActiveMQQueueModule(),
        new DKIMMailetModule(),
        new RawPostDequeueDecoratorModule(),
        new NoJwtModule(),
        binder -> binder.bind(MailetContainerModule.DefaultProcessorsConfigurationSupplier.class).toInstance(BaseHierarchicalConfiguration::new),
        PROTOCOLS,
        WEBADMIN,
        STORAGE);

    private JamesOnCassandra() {
    }
}

package io.postyard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.james.server.core.configuration.Configuration.ConfigurationPath;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.memory.MemoryUsersRepository;

import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;

import io.postyard.camel.CamelRoutesModule;
import io.postyard.cassandra.CassandraStoresModule;
import io.postyard.console.ConsoleModule;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.storage.StorageProfile;
import io.postyard.jdbc.JdbcStoresModule;
import io.postyard.mailgun.MailgunModule;
import io.postyard.omypost.OmyPostModule;
import io.postyard.openmail.OpenmailModule;
import io.postyard.opensearch.OpenSearchEventsModule;
import io.postyard.opensrs.OpenSrsModule;
import io.postyard.server.backup.BackupModule;
import io.postyard.server.cassandra.JamesOnCassandra;
import io.postyard.server.jpa.JamesOnJpa;
import io.postyard.tempmail.TempMailModule;
import io.postyard.webadmin.EventIndexWebAdminModule;
import io.postyard.webadmin.MetricsModule;
import io.postyard.webadmin.PostyardWebAdminModule;

/** Composes James's memory server with Postyard's modules, so both live in one Guice injector. */
public final class PostyardServer {
    public static GuiceJamesServer create(PostyardSettings settings) {
        Path dataDir = settings.path(Setting.DATA_DIR);
        createDirectories(dataDir);
        MemoryJamesConfiguration configuration = new MemoryJamesConfiguration(
            new ConfigurationPath(FileSystem.FILE_PROTOCOL_AND_CONF),
            new PostyardDirectories(dataDir, settings.path(Setting.CONF_DIR)),
            UsersRepositoryModuleChooser.Implementation.DEFAULT,
            false);
        StorageProfile storage = StorageProfile.of(settings);
        return james(settings, configuration)
            .combineWith(new PostyardModule(settings),
                stores(settings),
                new CamelRoutesModule(),
                new MailgunModule(storage),
                new OmyPostModule(),
                new TempMailModule(storage),
                new OpenSrsModule(storage),
                new OpenmailModule(storage),
                new ConsoleModule(),
                new PostyardWebAdminModule(),
                new MetricsModule())
            .overrideWith(new PostyardConfigurationModule(), new DeferralRecordingQueueModule(), new PolicedUsersModule(),
                new LocalDomainsModule(), jamesDomains(settings));
    }

    /**
     * The stores of core on the profile's storage (each provider module installs its own): the SQL database, memory,
     * or Cassandra. The SQL profile's data can be backed up online from WebAdmin. On Cassandra, events are also
     * indexed in OpenSearch, which answers the events API, and WebAdmin gains the route that re-indexes them.
     */
    private static Module stores(PostyardSettings settings) {
        return switch (StorageProfile.of(settings)) {
            case EMBEDDED -> Modules.combine(new JdbcStoresModule(), new BackupModule());
            case MEMORY -> new MemoryStoresModule();
            case CASSANDRA -> Modules.combine(Modules.override(new CassandraStoresModule()).with(new OpenSearchEventsModule()),
                new EventIndexWebAdminModule());
        };
    }

    /** James's own domain list of the profile, which the users repository checks new users against. */
    private static Module jamesDomains(PostyardSettings settings) {
        return switch (StorageProfile.of(settings)) {
            case MEMORY -> new MemoryJamesDomainsModule();
            case EMBEDDED, CASSANDRA -> Modules.EMPTY_MODULE;
        };
    }

    /** James on the storage the profile names: JPA, memory (James's memory server) or Cassandra. */
    private static GuiceJamesServer james(PostyardSettings settings, MemoryJamesConfiguration configuration) {
        return switch (StorageProfile.of(settings)) {
            case MEMORY -> MemoryJamesServerMain.createServer(configuration)
                .combineWith(new FakeSearchMailboxModule())
                .combineWith(binder -> binder.bind(UsersRepository.class).annotatedWith(Names.named(PolicedUsersModule.JAMES_USERS))
                    .to(MemoryUsersRepository.class))
                .combineWith(binder -> binder.bind(new TypeLiteral<MailQueueFactory<? extends ManageableMailQueue>>() { })
                    .annotatedWith(Names.named(DeferralRecordingQueueModule.JAMES_QUEUES)).to(MemoryMailQueueFactory.class));
            case EMBEDDED -> GuiceJamesServer.forConfiguration(configuration)
                .combineWith(JamesOnJpa.ALL);
            case CASSANDRA -> GuiceJamesServer.forConfiguration(configuration)
                .combineWith(JamesOnCassandra.ALL);
        };
    }

    private static void createDirectories(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
    }

    private PostyardServer() {
    }
}

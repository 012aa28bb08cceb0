package io.postyard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailrepository.cassandra.CassandraMailRepository;
import org.apache.james.mailrepository.jpa.JPAMailRepository;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.apache.james.util.LoggingLevel;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.settings.TlsKeystore;
import io.postyard.core.storage.StorageProfile;
import io.postyard.server.jpa.JamesJpaDataModule;

/**
 * Reads James's XML files from {@code conf/}, then applies the Postyard settings that belong in them (listener
 * ports, TLS, SMTP limits, the outbound gateway, where mail meeting a storage outage goes), so that one {@code POSTYARD_*} variable is enough to change them.
 */
public class SettingsConfigurationProvider implements ConfigurationProvider {
    private static final String ANY_ADDRESS = "0.0.0.0:";
    private static final int INBOUND_SMTP = 0;
    private static final int SUBMISSION = 1;
    private static final int SUBMISSIONS = 2;
    private static final int IMAP = 0;
    private static final int IMAPS = 1;
    private static final int POP3 = 0;
    private static final int POP3S = 1;
    private static final String MEMORY_REPOSITORY = "memory://";

    private final FileConfigurationProvider files;
    private final PostyardSettings settings;
    private final ListenerTls tls;

    @Inject
    public SettingsConfigurationProvider(FileSystem fileSystem, Configuration configuration, PostyardSettings settings) {
        this.files = new FileConfigurationProvider(fileSystem, configuration);
        this.settings = settings;
        this.tls = new ListenerTls(TlsKeystore.from(settings));
    }

    @Override
    public HierarchicalConfiguration<ImmutableNode> getConfiguration(String component, LoggingLevel loggingLevelOnError)
            throws ConfigurationException {
        HierarchicalConfiguration<ImmutableNode> configuration = files.getConfiguration(component, loggingLevelOnError);
        if (configuration == FileConfigurationProvider.EMPTY_CONFIGURATION) {
            return configuration;
        }
        switch (component) {
            case "smtpserver" -> {
                bind(configuration, "smtpserver(" + INBOUND_SMTP + ")", Setting.SMTP_PORT);
                bind(configuration, "smtpserver(" + SUBMISSION + ")", Setting.SUBMISSION_PORT);
                bind(configuration, "smtpserver(" + SUBMISSIONS + ")", Setting.SMTPS_PORT);
                applySmtpLimits(configuration);
                tls.startTls(configuration, "smtpserver(" + INBOUND_SMTP + ")");
                tls.startTls(configuration, "smtpserver(" + SUBMISSION + ")");
                tls.implicitTls(configuration, "smtpserver(" + SUBMISSIONS + ")");
            }
            case "imapserver" -> {
                bind(configuration, "imapserver(" + IMAP + ")", Setting.IMAP_PORT);
                bind(configuration, "imapserver(" + IMAPS + ")", Setting.IMAPS_PORT);
                tls.startTls(configuration, "imapserver(" + IMAP + ")");
                tls.implicitTls(configuration, "imapserver(" + IMAPS + ")");
            }
            case "pop3server" -> {
                bind(configuration, "pop3server(" + POP3 + ")", Setting.POP3_PORT);
                bind(configuration, "pop3server(" + POP3S + ")", Setting.POP3S_PORT);
                tls.startTls(configuration, "pop3server(" + POP3 + ")");
                tls.implicitTls(configuration, "pop3server(" + POP3S + ")");
            }
            case "mailetcontainer" -> {
                configuration.setProperty("context.postmaster", postmaster());
                setRemoteDeliveryGateway(configuration);
                moveRepositoriesToProfile(configuration);
                StorageOutageRouting.apply(configuration);
            }
            case "mailrepositorystore" -> moveRepositoryStoreToProfile(configuration);
            default -> {
            }
        }
        return configuration;
    }

    /** {@code 4*1 minute, 2*1 hour} allows six retries: the counts before each {@code *} added up. */
    static int attempts(String delays) {
        int total = 0;
        for (String delay : delays.split(",")) {
            String trimmed = delay.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int star = trimmed.indexOf('*');
            total += star < 0 ? 1 : Integer.parseInt(trimmed.substring(0, star).trim());
        }
        return total;
    }

    private void applySmtpLimits(HierarchicalConfiguration<ImmutableNode> configuration) {
        int servers = configuration.getMaxIndex("smtpserver") + 1;
        for (int s = 0; s < servers; s++) {
            String server = "smtpserver(" + s + ")";
            configuration.setProperty(server + ".maxmessagesize", settings.getInt(Setting.SMTP_MAX_MESSAGE_KB));
            configuration.setProperty(server + ".connectiontimeout", settings.getInt(Setting.SMTP_IDLE_TIMEOUT_SECONDS));
            // A client holding connections open (silent, or dripping a byte now and then) holds no thread, Netty
            // being asynchronous, but it does hold sockets: Postfix's default cap per client, 50, bounds them.
            configuration.setProperty(server + ".connectionLimitPerIP", settings.getInt(Setting.SMTP_MAX_CONNECTIONS_PER_IP));
            int handlers = configuration.getMaxIndex(server + ".handlerchain.handler") + 1;
            for (int h = 0; h < handlers; h++) {
                String handler = server + ".handlerchain.handler(" + h + ")";
                if (configuration.containsKey(handler + ".maxRcpt")) {
                    configuration.setProperty(handler + ".maxRcpt", settings.getInt(Setting.SMTP_MAX_RECIPIENTS));
                }
            }
        }
    }

    private void bind(HierarchicalConfiguration<ImmutableNode> configuration, String server, Setting port) {
        if (configuration.containsKey(server + ".bind")) {
            configuration.setProperty(server + ".bind", ANY_ADDRESS + settings.getInt(port));
        }
    }

    /** On the durable profiles, the configuration's {@code memory://} mail repositories live in their storage. */
    private void moveRepositoriesToProfile(HierarchicalConfiguration<ImmutableNode> configuration) {
        Optional<DurableRepositories> durable = DurableRepositories.of(StorageProfile.of(settings));
        if (durable.isEmpty()) {
            return;
        }
        String prefix = durable.get().protocol() + "://";
        List<String> keys = new ArrayList<>();
        configuration.getKeys().forEachRemaining(keys::add);
        for (String key : keys) {
            List<String> values = configuration.getList(String.class, key, List.of());
            if (values.stream().anyMatch(value -> value.startsWith(MEMORY_REPOSITORY))) {
                configuration.setProperty(key, values.stream()
                    .map(value -> value.startsWith(MEMORY_REPOSITORY) ? prefix + value.substring(MEMORY_REPOSITORY.length()) : value)
                    .toList());
            }
        }
    }

    private void moveRepositoryStoreToProfile(HierarchicalConfiguration<ImmutableNode> configuration) {
        Optional<DurableRepositories> durable = DurableRepositories.of(StorageProfile.of(settings));
        if (durable.isEmpty()) {
            return;
        }
        configuration.clear();
        configuration.setProperty("defaultProtocol", durable.get().protocol());
        configuration.setProperty("mailrepository[@class]", durable.get().implementation());
        configuration.setProperty("mailrepository.protocols.protocol", durable.get().protocol());
    }

    /** Where a durable profile keeps James's mail repositories: its protocol, and the class James instantiates for it. */
    private record DurableRepositories(String protocol, String implementation) {
        static Optional<DurableRepositories> of(StorageProfile profile) {
            return switch (profile) {
                case MEMORY -> Optional.empty();
                case EMBEDDED -> Optional.of(new DurableRepositories(JamesJpaDataModule.PROTOCOL, JPAMailRepository.class.getName()));
                case CASSANDRA -> Optional.of(new DurableRepositories("cassandra", CassandraMailRepository.class.getName()));
            };
        }
    }

    /** Mail to postmaster@ any local domain goes here (James's PostmasterAlias, RFC 5321 4.5.1): the operator's. */
    private String postmaster() {
        return settings.optional(Setting.POSTMASTER).filter(address -> !address.isBlank())
            .orElseGet(() -> "postmaster@" + settings.get(Setting.HOSTNAME));
    }

    private void setRemoteDeliveryGateway(HierarchicalConfiguration<ImmutableNode> configuration) {
        Optional<String> gateway = settings.optional(Setting.SMTP_GATEWAY);
        Optional<String> delays = settings.optional(Setting.SMTP_RETRY_DELAYS);
        int processors = configuration.getMaxIndex("processors.processor") + 1;
        for (int p = 0; p < processors; p++) {
            String processor = "processors.processor(" + p + ")";
            int mailets = configuration.getMaxIndex(processor + ".mailet") + 1;
            for (int m = 0; m < mailets; m++) {
                String mailet = processor + ".mailet(" + m + ")";
                if ("RemoteDelivery".equals(configuration.getString(mailet + "[@class]"))) {
                    configuration.setProperty(mailet + ".gateway", gateway.orElse(""));
                    if (delays.isPresent()) {
                        configuration.setProperty(mailet + ".delayTime", delays.get());
                        configuration.setProperty(mailet + ".maxRetries", String.valueOf(attempts(delays.get())));
                    }
                }
            }
        }
    }
}

package io.postyard.core.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One operator-facing setting: read from {@code conf/postyard.properties} under {@link #key()}, overridden by the
 * environment variable {@link #envName()}. The settings every part of the server shares are here; a provider module
 * declares its own beside its code (its {@code *Settings} class), under its own key prefix.
 *
 * <p>A setting whose key ends in {@code .password}, {@code .secret} or {@code .key} is a secret: it is never logged.
 * The rule is on the name, not on a flag, so that a secret set for a module whose settings class is not loaded yet is
 * still masked.
 */
public record Setting(String key, String defaultValue) {
    private static final Set<String> SECRET_SUFFIXES = Set.of("password", "secret", "key");

    public static final Setting DATA_DIR = new Setting("data.dir", "./data");
    public static final Setting DISK_MIN_FREE_MB = new Setting("disk.min.free.mb", "256");
    public static final Setting CONF_DIR = new Setting("conf.dir", "./conf");
    public static final Setting HOSTNAME = new Setting("hostname", "localhost");
    public static final Setting SMTP_PORT = new Setting("smtp.port", "2525");
    public static final Setting SUBMISSION_PORT = new Setting("submission.port", "2587");
    public static final Setting IMAP_PORT = new Setting("imap.port", "1143");
    public static final Setting POP3_PORT = new Setting("pop3.port", "1110");
    public static final Setting SMTPS_PORT = new Setting("smtps.port", "2465");
    public static final Setting IMAPS_PORT = new Setting("imaps.port", "1993");
    public static final Setting POP3S_PORT = new Setting("pop3s.port", "1995");
    public static final Setting TLS_KEYSTORE = new Setting("tls.keystore", "");
    public static final Setting TLS_KEYSTORE_PASSWORD = new Setting("tls.keystore.password", "");
    public static final Setting WEBADMIN_HOST = new Setting("webadmin.host", "127.0.0.1");
    public static final Setting WEBADMIN_PORT = new Setting("webadmin.port", "8000");
    public static final Setting HTTP_HOST = new Setting("http.host", "0.0.0.0");
    public static final Setting HTTP_PORT = new Setting("http.port", "8080");
    public static final Setting HTTP_MAX_THREADS = new Setting("http.max.threads", "64");
    public static final Setting HTTP_MAX_BODY_BYTES = new Setting("http.max.body.bytes", "26214400");
    public static final Setting HTTP_IDLE_TIMEOUT = new Setting("http.idle.timeout", "30s");
    public static final Setting HTTP_HEADER_TIMEOUT = new Setting("http.header.timeout", "10s");
    public static final Setting HTTP_MAX_CONNECTIONS_PER_IP = new Setting("http.max.connections.per.ip", "256");
    public static final Setting HTTP_RATE_LIMIT_PER_MINUTE = new Setting("http.rate.limit.per.minute", "3000");
    public static final Setting PUBLIC_URL = new Setting("public.url", "");
    public static final Setting SMTP_GATEWAY = new Setting("smtp.gateway", "");
    public static final Setting SMTP_RETRY_DELAYS = new Setting("smtp.retry.delays", "");
    public static final Setting SMTP_AUTH_MAX_FAILURES = new Setting("smtp.auth.max.failures", "5");
    public static final Setting SMTP_AUTH_FAILURE_WINDOW = new Setting("smtp.auth.failure.window", "15m");
    public static final Setting SMTP_MAX_MESSAGE_KB = new Setting("smtp.max.message.kb", "25600");
    public static final Setting SMTP_MAX_RECIPIENTS = new Setting("smtp.max.recipients", "1000");
    public static final Setting SMTP_IDLE_TIMEOUT_SECONDS = new Setting("smtp.idle.timeout.seconds", "300");
    public static final Setting SMTP_MAX_CONNECTIONS_PER_IP = new Setting("smtp.max.connections.per.ip", "50");
    public static final Setting DNS_SERVERS = new Setting("dns.servers", "");
    public static final Setting TRUSTED_DOMAINS = new Setting("trusted.domains", "");
    public static final Setting TESTING_TRUST_ALL_DOMAINS = new Setting("testing.trust.all.domains", "false");
    public static final Setting DOMAIN_RECHECK_INTERVAL = new Setting("domain.recheck.interval", "5m");
    public static final Setting RESERVED_LOCAL_PARTS = new Setting("reserved.local.parts", "postmaster,abuse,hostmaster,webmaster,admin,administrator,root,security,mailer-daemon,noreply,no-reply");
    public static final Setting POSTMASTER = new Setting("postmaster", "");
    public static final Setting WEBHOOK_ALLOW_PRIVATE = new Setting("webhook.allow.private", "false");
    public static final Setting WEBHOOK_SCHEDULE_SCALE = new Setting("webhook.schedule.scale", "1.0");
    public static final Setting WEBHOOK_NODE_LEASE = new Setting("webhook.node.lease", "5m");
    public static final Setting MAILBOX_EXPIRY_INTERVAL = new Setting("mailbox.expiry.interval", "30s");
    public static final Setting STORAGE_PROFILE = new Setting("profile", "embedded");
    public static final Setting CASSANDRA_CONTACT_POINTS = new Setting("cassandra.contact.points", "");
    public static final Setting CASSANDRA_DATACENTER = new Setting("cassandra.datacenter", "datacenter1");
    public static final Setting CASSANDRA_KEYSPACE = new Setting("cassandra.keyspace", "postyard");
    public static final Setting CASSANDRA_REPLICATION_FACTOR = new Setting("cassandra.replication.factor", "1");
    public static final Setting CASSANDRA_USERNAME = new Setting("cassandra.username", "");
    public static final Setting CASSANDRA_PASSWORD = new Setting("cassandra.password", "");
    public static final Setting JDBC_URL = new Setting("jdbc.url", "");
    public static final Setting JDBC_USERNAME = new Setting("jdbc.username", "");
    public static final Setting JDBC_PASSWORD = new Setting("jdbc.password", "");
    public static final Setting JDBC_POOL_SIZE = new Setting("jdbc.pool.size", "10");
    public static final Setting OPENSEARCH_URLS = new Setting("opensearch.urls", "");
    public static final Setting OPENSEARCH_USERNAME = new Setting("opensearch.username", "");
    public static final Setting OPENSEARCH_PASSWORD = new Setting("opensearch.password", "");
    public static final Setting OPENSEARCH_INDEX_PREFIX = new Setting("opensearch.index.prefix", "postyard-events");
    public static final Setting API_KEY = new Setting("api.key", "");
    public static final Setting TRACKING_SECRET = new Setting("tracking.secret", "");

    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(defaultValue);
    }

    public String envName() {
        return envName(key);
    }

    public boolean isSecret() {
        return isSecret(key);
    }

    static String envName(String key) {
        return "POSTYARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT).replace('_', '.');
        return SECRET_SUFFIXES.contains(lower.substring(lower.lastIndexOf('.') + 1));
    }
}

package io.postyard.core.settings;

import java.util.Locale;

/**
 * Every operator-facing setting. Each is read from {@code conf/postyard.properties} under {@link #key()} and can be
 * overridden by the environment variable {@link #envName()}.
 */
public enum Setting {
    DATA_DIR("data.dir", "./data"),
    CONF_DIR("conf.dir", "./conf"),
    HOSTNAME("hostname", "localhost"),
    SMTP_PORT("smtp.port", "2525"),
    SUBMISSION_PORT("submission.port", "2587"),
    IMAP_PORT("imap.port", "1143"),
    POP3_PORT("pop3.port", "1110"),
    SMTPS_PORT("smtps.port", "2465"),
    IMAPS_PORT("imaps.port", "1993"),
    POP3S_PORT("pop3s.port", "1995"),
    TLS_KEYSTORE("tls.keystore", ""),
    TLS_KEYSTORE_PASSWORD("tls.keystore.password", ""),
    WEBADMIN_HOST("webadmin.host", "127.0.0.1"),
    WEBADMIN_PORT("webadmin.port", "8000"),
    HTTP_HOST("http.host", "0.0.0.0"),
    HTTP_PORT("http.port", "8080"),
    HTTP_MAX_THREADS("http.max.threads", "64"),
    HTTP_MAX_BODY_BYTES("http.max.body.bytes", "26214400"),
    HTTP_IDLE_TIMEOUT("http.idle.timeout", "30s"),
    HTTP_HEADER_TIMEOUT("http.header.timeout", "10s"),
    HTTP_MAX_CONNECTIONS_PER_IP("http.max.connections.per.ip", "256"),
    HTTP_RATE_LIMIT_PER_MINUTE("http.rate.limit.per.minute", "3000"),
    PUBLIC_URL("public.url", ""),
    SMTP_GATEWAY("smtp.gateway", ""),
    SMTP_RETRY_DELAYS("smtp.retry.delays", ""),
    SMTP_AUTH_MAX_FAILURES("smtp.auth.max.failures", "5"),
    SMTP_AUTH_FAILURE_WINDOW("smtp.auth.failure.window", "15m"),
    SMTP_MAX_MESSAGE_KB("smtp.max.message.kb", "25600"),
    SMTP_MAX_RECIPIENTS("smtp.max.recipients", "1000"),
    SMTP_IDLE_TIMEOUT_SECONDS("smtp.idle.timeout.seconds", "300"),
    SMTP_MAX_CONNECTIONS_PER_IP("smtp.max.connections.per.ip", "50"),
    DNS_SERVERS("dns.servers", ""),
    TRUSTED_DOMAINS("trusted.domains", ""),
    TESTING_TRUST_ALL_DOMAINS("testing.trust.all.domains", "false"),
    DOMAIN_RECHECK_INTERVAL("domain.recheck.interval", "5m"),
    RESERVED_LOCAL_PARTS("reserved.local.parts",
        "postmaster,abuse,hostmaster,webmaster,admin,administrator,root,security,mailer-daemon,noreply,no-reply"),
    POSTMASTER("postmaster", ""),
    WEBHOOK_ALLOW_PRIVATE("webhook.allow.private", "false"),
    WEBHOOK_SCHEDULE_SCALE("webhook.schedule.scale", "1.0"),
    WEBHOOK_NODE_LEASE("webhook.node.lease", "5m"),
    MAILBOX_EXPIRY_INTERVAL("mailbox.expiry.interval", "30s"),
    OMYPOST_DOMAIN("omypost.domain", "omypost.localhost"),
    OMYPOST_RATE_MANAGEMENT("omypost.rate.limit.management", "60"),
    OMYPOST_RATE_SENDING("omypost.rate.limit.sending", "120"),
    OMYPOST_RATE_OTHER("omypost.rate.limit.other", "180"),
    TEMPMAIL_PUBLIC_DOMAINS("tempmail.public.domains", "tempmail.localhost"),
    TEMPMAIL_PREMIUM_DOMAINS("tempmail.premium.domains", "premium.tempmail.localhost"),
    TEMPMAIL_TTL("tempmail.ttl.seconds", "86400"),
    TEMPMAIL_RATE_LIMIT("tempmail.rate.limit", "100"),
    TEMPMAIL_RATE_WINDOW("tempmail.rate.window", "1m"),
    OMA_ADMIN_USER("oma.admin.user", "admin"),
    OMA_ADMIN_PASSWORD("oma.admin.password", ""),
    OMA_COMPANY("oma.company", "default"),
    OMA_DELETED_RETENTION("oma.deleted.retention", "30d"),
    OMA_PURGE_INTERVAL("oma.purge.interval", "1h"),
    STORAGE_PROFILE("profile", "memory"),
    CASSANDRA_CONTACT_POINTS("cassandra.contact.points", ""),
    CASSANDRA_DATACENTER("cassandra.datacenter", "datacenter1"),
    CASSANDRA_KEYSPACE("cassandra.keyspace", "postyard"),
    CASSANDRA_REPLICATION_FACTOR("cassandra.replication.factor", "1"),
    CASSANDRA_USERNAME("cassandra.username", ""),
    CASSANDRA_PASSWORD("cassandra.password", ""),
    OPENSEARCH_URLS("opensearch.urls", ""),
    OPENSEARCH_USERNAME("opensearch.username", ""),
    OPENSEARCH_PASSWORD("opensearch.password", ""),
    OPENSEARCH_INDEX_PREFIX("opensearch.index.prefix", "postyard-events"),
    OPENMAIL_DOMAIN("openmail.domain", "openmail.localhost"),
    OPENMAIL_SEND_LIMIT_PER_MINUTE("openmail.send.limit.per.minute", "60"),
    OPENMAIL_SEND_LIMIT_PER_DAY("openmail.send.limit.per.day", "2000"),
    OPENMAIL_ATTACHMENT_URL_TTL("openmail.attachment.url.ttl", "1h"),
    API_KEY("api.key", ""),
    TRACKING_SECRET("tracking.secret", "");

    private final String key;
    private final String defaultValue;

    Setting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String envName() {
        return "POSTYARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public boolean isSecret() {
        return this == API_KEY || this == TRACKING_SECRET || this == OMA_ADMIN_PASSWORD || this == CASSANDRA_PASSWORD
            || this == OPENSEARCH_PASSWORD || this == TLS_KEYSTORE_PASSWORD;
    }
}

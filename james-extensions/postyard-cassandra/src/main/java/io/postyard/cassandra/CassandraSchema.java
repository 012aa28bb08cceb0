package io.postyard.cassandra;

import java.util.List;

/** Every migration of Postyard's keyspace: what a node applies when it opens its session. */
public final class CassandraSchema {
    public static final List<SchemaMigration> ALL = List.of(
        TimeBuckets.SCHEMA,
        TimeIndex.SCHEMA,
        CassandraAccountStore.SCHEMA,
        CassandraSigningKeyStore.SCHEMA,
        CassandraApiKeyStore.SCHEMA,
        CassandraDomainStore.SCHEMA,
        CassandraCredentialStore.SCHEMA,
        CassandraDkimKeyStore.SCHEMA,
        CassandraSuppressionStore.SCHEMA,
        CassandraWebhookStore.SCHEMA,
        CassandraAccountWebhookStore.SCHEMA,
        CassandraWebhookOutbox.SCHEMA,
        CassandraStatsStore.SCHEMA,
        CassandraEventStore.SCHEMA,
        CassandraTemplateStore.SCHEMA,
        CassandraHostedMailboxStore.SCHEMA,
        CassandraHostedCompanyStore.SCHEMA,
        CassandraHostedDomainStore.SCHEMA,
        CassandraHostedUserStore.SCHEMA,
        CassandraSessionTokenStore.SCHEMA,
        CassandraOpenmailInboxStore.SCHEMA,
        CassandraConversationStore.SCHEMA,
        CassandraIdempotencyStore.SCHEMA,
        CassandraTempMailDomainStore.SCHEMA,
        CassandraOpenmailWebhookStore.SCHEMA);

    private CassandraSchema() {
    }
}

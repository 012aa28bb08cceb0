package io.postyard.openmail.cassandra;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.cassandra.SchemaMigration;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.IdempotencyStore;
import io.postyard.openmail.store.OpenmailInboxStore;
import io.postyard.openmail.store.OpenmailWebhookStore;

/** The openmail stores on Cassandra, for the cassandra profile, with their tables. */
public class CassandraOpenmailStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OpenmailInboxStore.class).to(CassandraOpenmailInboxStore.class).in(Scopes.SINGLETON);
        bind(ConversationStore.class).to(CassandraConversationStore.class).in(Scopes.SINGLETON);
        bind(IdempotencyStore.class).to(CassandraIdempotencyStore.class).in(Scopes.SINGLETON);
        bind(OpenmailWebhookStore.class).to(CassandraOpenmailWebhookStore.class).in(Scopes.SINGLETON);
        Multibinder<SchemaMigration> schema = Multibinder.newSetBinder(binder(), SchemaMigration.class);
        schema.addBinding().toInstance(CassandraOpenmailInboxStore.SCHEMA);
        schema.addBinding().toInstance(CassandraConversationStore.SCHEMA);
        schema.addBinding().toInstance(CassandraIdempotencyStore.SCHEMA);
        schema.addBinding().toInstance(CassandraOpenmailWebhookStore.SCHEMA);
    }
}

package io.postyard.openmail.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.IdempotencyStore;
import io.postyard.openmail.store.OpenmailInboxStore;
import io.postyard.openmail.store.OpenmailWebhookStore;

/** The openmail stores on the SQL database, with their tables. */
public class JdbcOpenmailStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OpenmailInboxStore.class).to(JdbcOpenmailInboxStore.class).in(Scopes.SINGLETON);
        bind(ConversationStore.class).to(JdbcConversationStore.class).in(Scopes.SINGLETON);
        bind(IdempotencyStore.class).to(JdbcIdempotencyStore.class).in(Scopes.SINGLETON);
        bind(OpenmailWebhookStore.class).to(JdbcOpenmailWebhookStore.class).in(Scopes.SINGLETON);
        Multibinder<JdbcMigration> schema = Multibinder.newSetBinder(binder(), JdbcMigration.class);
        schema.addBinding().toInstance(JdbcOpenmailInboxStore.SCHEMA);
        schema.addBinding().toInstance(JdbcConversationStore.SCHEMA);
        schema.addBinding().toInstance(JdbcIdempotencyStore.SCHEMA);
        schema.addBinding().toInstance(JdbcOpenmailWebhookStore.SCHEMA);
    }
}

package io.postyard.openmail;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.IdempotencyStore;
import io.postyard.openmail.store.MemoryConversationStore;
import io.postyard.openmail.store.MemoryIdempotencyStore;
import io.postyard.openmail.store.MemoryOpenmailInboxStore;
import io.postyard.openmail.store.MemoryOpenmailWebhookStore;
import io.postyard.openmail.store.OpenmailInboxStore;
import io.postyard.openmail.store.OpenmailWebhookStore;

/** The openmail stores held in memory, for the memory profile. */
public class MemoryOpenmailStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OpenmailInboxStore.class).to(MemoryOpenmailInboxStore.class).in(Scopes.SINGLETON);
        bind(ConversationStore.class).to(MemoryConversationStore.class).in(Scopes.SINGLETON);
        bind(IdempotencyStore.class).to(MemoryIdempotencyStore.class).in(Scopes.SINGLETON);
        bind(OpenmailWebhookStore.class).to(MemoryOpenmailWebhookStore.class).in(Scopes.SINGLETON);
    }
}

package io.postyard.tempmail;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import io.postyard.tempmail.store.MemoryTempMailDomainStore;
import io.postyard.tempmail.store.TempMailDomainStore;

/** The Temp Mail stores held in memory, for the memory profile. */
public class MemoryTempMailStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TempMailDomainStore.class).to(MemoryTempMailDomainStore.class).in(Scopes.SINGLETON);
    }
}

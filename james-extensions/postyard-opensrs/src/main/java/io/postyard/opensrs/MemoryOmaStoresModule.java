package io.postyard.opensrs;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import io.postyard.opensrs.store.HostedCompanyStore;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.MemoryHostedCompanyStore;
import io.postyard.opensrs.store.MemoryHostedDomainStore;
import io.postyard.opensrs.store.MemoryHostedUserStore;
import io.postyard.opensrs.store.MemorySessionTokenStore;
import io.postyard.opensrs.store.SessionTokenStore;

/** The OMA stores held in memory, for the memory profile. */
public class MemoryOmaStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HostedCompanyStore.class).to(MemoryHostedCompanyStore.class).in(Scopes.SINGLETON);
        bind(HostedDomainStore.class).to(MemoryHostedDomainStore.class).in(Scopes.SINGLETON);
        bind(HostedUserStore.class).to(MemoryHostedUserStore.class).in(Scopes.SINGLETON);
        bind(SessionTokenStore.class).to(MemorySessionTokenStore.class).in(Scopes.SINGLETON);
    }
}

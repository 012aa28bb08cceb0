package io.postyard.opensrs.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.opensrs.store.CachedHostedDomainStore;
import io.postyard.opensrs.store.CachedHostedUserStore;
import io.postyard.opensrs.store.HostedCompanyStore;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.SessionTokenStore;

/** The OMA stores on the SQL database, with their tables. */
public class JdbcOmaStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HostedCompanyStore.class).to(JdbcHostedCompanyStore.class).in(Scopes.SINGLETON);
        bind(JdbcHostedDomainStore.class).in(Scopes.SINGLETON);
        bind(JdbcHostedUserStore.class).in(Scopes.SINGLETON);
        bind(SessionTokenStore.class).to(JdbcSessionTokenStore.class).in(Scopes.SINGLETON);
        Multibinder<JdbcMigration> schema = Multibinder.newSetBinder(binder(), JdbcMigration.class);
        schema.addBinding().toInstance(JdbcHostedCompanyStore.SCHEMA);
        schema.addBinding().toInstance(JdbcHostedDomainStore.SCHEMA);
        schema.addBinding().toInstance(JdbcHostedUserStore.SCHEMA);
        schema.addBinding().toInstance(JdbcSessionTokenStore.SCHEMA);
    }

    /** This node is the only writer of its database: the mail policy's lookups per recipient come from memory. */
    @Provides
    @Singleton
    HostedDomainStore domains(JdbcHostedDomainStore store) {
        return new CachedHostedDomainStore(store);
    }

    @Provides
    @Singleton
    HostedUserStore users(JdbcHostedUserStore store) {
        return new CachedHostedUserStore(store);
    }
}

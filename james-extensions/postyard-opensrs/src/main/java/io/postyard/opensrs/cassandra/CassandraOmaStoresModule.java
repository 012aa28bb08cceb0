package io.postyard.opensrs.cassandra;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.cassandra.SchemaMigration;
import io.postyard.opensrs.store.HostedCompanyStore;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.SessionTokenStore;

/** The OMA stores on Cassandra, for the cassandra profile, with their tables. */
public class CassandraOmaStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HostedCompanyStore.class).to(CassandraHostedCompanyStore.class).in(Scopes.SINGLETON);
        bind(HostedDomainStore.class).to(CassandraHostedDomainStore.class).in(Scopes.SINGLETON);
        bind(HostedUserStore.class).to(CassandraHostedUserStore.class).in(Scopes.SINGLETON);
        bind(SessionTokenStore.class).to(CassandraSessionTokenStore.class).in(Scopes.SINGLETON);
        Multibinder<SchemaMigration> schema = Multibinder.newSetBinder(binder(), SchemaMigration.class);
        schema.addBinding().toInstance(CassandraHostedCompanyStore.SCHEMA);
        schema.addBinding().toInstance(CassandraHostedDomainStore.SCHEMA);
        schema.addBinding().toInstance(CassandraHostedUserStore.SCHEMA);
        schema.addBinding().toInstance(CassandraSessionTokenStore.SCHEMA);
    }
}

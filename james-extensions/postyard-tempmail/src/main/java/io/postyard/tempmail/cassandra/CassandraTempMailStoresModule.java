package io.postyard.tempmail.cassandra;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.cassandra.SchemaMigration;
import io.postyard.tempmail.store.TempMailDomainStore;

/** The Temp Mail stores on Cassandra, for the cassandra profile, with their tables. */
public class CassandraTempMailStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TempMailDomainStore.class).to(CassandraTempMailDomainStore.class).in(Scopes.SINGLETON);
        Multibinder<SchemaMigration> schema = Multibinder.newSetBinder(binder(), SchemaMigration.class);
        schema.addBinding().toInstance(CassandraTempMailDomainStore.SCHEMA);
    }
}

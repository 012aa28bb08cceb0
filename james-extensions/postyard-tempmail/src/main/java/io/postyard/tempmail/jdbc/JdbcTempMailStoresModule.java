package io.postyard.tempmail.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.tempmail.store.TempMailDomainStore;

/** The Temp Mail stores in the SQL database, for the embedded profile, with their tables. */
public class JdbcTempMailStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TempMailDomainStore.class).to(JdbcTempMailDomainStore.class).in(Scopes.SINGLETON);
        Multibinder<JdbcMigration> schema = Multibinder.newSetBinder(binder(), JdbcMigration.class);
        schema.addBinding().toInstance(JdbcTempMailDomainStore.SCHEMA);
    }
}

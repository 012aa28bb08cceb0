package io.postyard.tempmail;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.mailbox.HostedMailboxKind;
import io.postyard.core.key.KeyKind;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.storage.StorageProfile;
import io.postyard.http.ProviderApi;
import io.postyard.tempmail.cassandra.CassandraTempMailStoresModule;
import io.postyard.tempmail.jdbc.JdbcTempMailStoresModule;

public class TempMailModule extends AbstractModule {
    private final StorageProfile storage;

    public TempMailModule(StorageProfile storage) {
        this.storage = storage;
    }

    @Override
    protected void configure() {
        install(stores());
        bind(TempMailApi.class).in(Scopes.SINGLETON);
        bind(TempMailDomains.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(TempMailApi.class);
        Multibinder.newSetBinder(binder(), KeyKind.class).addBinding().toInstance(TempMailAuthenticator.KIND);
        Multibinder.newSetBinder(binder(), StartupTask.class).addBinding().to(TempMailDomains.class);
        Multibinder.newSetBinder(binder(), OperatedDomains.class).addBinding().to(TempMailDomains.class);
        Multibinder.newSetBinder(binder(), HostedMailboxKind.class).addBinding().toInstance(new HostedMailboxKind(TempMailboxes.PROVIDER, "Temp Mail addresses"));
    }

    private Module stores() {
        return switch (storage) {
            case EMBEDDED -> new JdbcTempMailStoresModule();
            case MEMORY -> new MemoryTempMailStoresModule();
            case CASSANDRA -> new CassandraTempMailStoresModule();
        };
    }
}

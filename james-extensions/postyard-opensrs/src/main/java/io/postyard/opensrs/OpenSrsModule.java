package io.postyard.opensrs;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.job.TimedJob;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.mailbox.MailUserPolicy;
import io.postyard.core.storage.StorageProfile;
import io.postyard.http.ProviderApi;
import io.postyard.opensrs.cassandra.CassandraOmaStoresModule;
import io.postyard.opensrs.jdbc.JdbcOmaStoresModule;

public class OpenSrsModule extends AbstractModule {
    private final StorageProfile storage;

    public OpenSrsModule(StorageProfile storage) {
        this.storage = storage;
    }

    @Override
    protected void configure() {
        install(stores());
        bind(OmaCompanies.class).in(Scopes.SINGLETON);
        bind(OmaDomains.class).in(Scopes.SINGLETON);
        bind(OmaUsers.class).in(Scopes.SINGLETON);
        bind(OmaSessions.class).in(Scopes.SINGLETON);
        bind(OmaMethods.class).in(Scopes.SINGLETON);
        bind(OpenSrsApi.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(OpenSrsApi.class);
        Multibinder.newSetBinder(binder(), StartupTask.class).addBinding().to(OmaCompanies.class);
        Multibinder.newSetBinder(binder(), MailUserPolicy.class).addBinding().to(OmaUserPolicy.class);
        Multibinder<TimedJob> jobs = Multibinder.newSetBinder(binder(), TimedJob.class);
        jobs.addBinding().to(DeletedObjectsPurge.class);
        jobs.addBinding().to(DomainOwnershipCheck.class);
        Multibinder<OmaMethodGroup> groups = Multibinder.newSetBinder(binder(), OmaMethodGroup.class);
        groups.addBinding().to(SessionMethods.class);
        groups.addBinding().to(CompanyMethods.class);
        groups.addBinding().to(DomainMethods.class);
        groups.addBinding().to(UserMethods.class);
        groups.addBinding().to(MailboxMethods.class);
        groups.addBinding().to(ReferenceMethods.class);
    }

    private Module stores() {
        return switch (storage) {
            case EMBEDDED -> new JdbcOmaStoresModule();
            case MEMORY -> new MemoryOmaStoresModule();
            case CASSANDRA -> new CassandraOmaStoresModule();
        };
    }
}

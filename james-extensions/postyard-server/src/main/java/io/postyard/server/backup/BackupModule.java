package io.postyard.server.backup;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/** The embedded profile's online backup, on WebAdmin. */
public class BackupModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OnlineBackup.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(BackupRoutes.class);
    }
}

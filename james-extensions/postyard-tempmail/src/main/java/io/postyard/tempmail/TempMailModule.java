package io.postyard.tempmail;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.key.KeyKind;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.http.ProviderApi;

public class TempMailModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TempMailApi.class).in(Scopes.SINGLETON);
        bind(TempMailDomains.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(TempMailApi.class);
        Multibinder.newSetBinder(binder(), KeyKind.class).addBinding().toInstance(TempMailAuthenticator.KIND);
        Multibinder.newSetBinder(binder(), StartupTask.class).addBinding().to(TempMailDomains.class);
        Multibinder.newSetBinder(binder(), OperatedDomains.class).addBinding().to(TempMailDomains.class);
    }
}

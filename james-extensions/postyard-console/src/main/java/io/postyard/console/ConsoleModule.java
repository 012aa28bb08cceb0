package io.postyard.console;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.http.ProviderApi;

/** The web console on the public port. */
public class ConsoleModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ConsoleSessions.class).in(Scopes.SINGLETON);
        bind(LoginThrottle.class).in(Scopes.SINGLETON);
        bind(Templates.class).in(Scopes.SINGLETON);
        bind(ConsoleApi.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(ConsoleApi.class);
    }
}

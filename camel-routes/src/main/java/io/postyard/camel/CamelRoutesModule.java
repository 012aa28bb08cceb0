package io.postyard.camel;

import org.apache.camel.RoutesBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

public class CamelRoutesModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CamelRuntime.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), RoutesBuilder.class);
    }
}

package io.postyard.webadmin;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

public class PostyardWebAdminModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(ApiKeyRoutes.class);
        routes.addBinding().to(DomainAdminRoutes.class);
        routes.addBinding().to(WebhookAdminRoutes.class);
        routes.addBinding().to(StatsAdminRoutes.class);
    }
}

package io.postyard.webadmin;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/** The routes of the event index, on the profiles whose events are indexed (cassandra); elsewhere they answer 404. */
public class EventIndexWebAdminModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(EventIndexRoutes.class);
    }
}

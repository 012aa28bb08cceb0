package io.postyard.opensearch;

import javax.inject.Singleton;

import org.opensearch.client.opensearch._types.Refresh;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.event.EventReindexer;
import io.postyard.core.event.EventStore;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.settings.PostyardSettings;

/**
 * Events indexed in OpenSearch in front of the event records: overrides the {@link EventStore} binding of a stores
 * module that also binds the records ({@code @Named(EventStore.RECORDS)}), and adds the re-indexing.
 */
public class OpenSearchEventsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EventStore.class).to(IndexedEventStore.class);
        bind(IndexedEventStore.class).in(Scopes.SINGLETON);
        bind(EventReindexer.class).to(OpenSearchEventReindexer.class);
        bind(OpenSearchEventReindexer.class).in(Scopes.SINGLETON);
        bind(PostyardOpenSearchClient.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), StartupTask.class).addBinding().to(EventIndexPreparation.class);
    }

    @Provides
    @Singleton
    OpenSearchConfiguration configuration(PostyardSettings settings) {
        return OpenSearchConfiguration.from(settings);
    }

    @Provides
    @Singleton
    OpenSearchEventIndex index(PostyardOpenSearchClient client, OpenSearchConfiguration configuration) {
        return new OpenSearchEventIndex(client.client(), new EventIndexNames(configuration.indexPrefix()), Refresh.False);
    }
}

package io.postyard.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * The index template every daily index is made from, so an index created by its first event has the mapping and
 * settings below, never ones guessed from a document:
 * <ul>
 * <li>the fields the events API filters and sorts on, as keywords (recipient and sender compared in lower case, as the
 * API compares them) and the timestamp as a date; nothing else is mapped ({@code dynamic: false}), and the whole event
 * under {@code event} is kept in the source only ({@code enabled: false});</li>
 * <li>one shard per day (a day of one deployment's events is small), a replica when the cluster has a second node;</li>
 * <li>a refresh every second, set explicitly so that a shard left unsearched for a while still refreshes on time (a
 * default interval lets an idle shard skip refreshes until the next search, which then waits).</li>
 * </ul>
 * Putting the template again replaces it with the same content, so every node does it at start and before it first
 * writes; indices already made keep the mapping they were made with.
 */
public final class EventIndexTemplate {
    static final long VERSION = 1;
    private static final String LOWERCASE = "postyard_lowercase";

    private final OpenSearchClient client;
    private final EventIndexNames names;
    private volatile boolean applied;

    public EventIndexTemplate(OpenSearchClient client, EventIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Puts the template unless this instance already did: an index is never made without it. */
    public void ensure() {
        if (!applied) {
            put();
            applied = true;
        }
    }

    private void put() {
        try {
            client.indices().putIndexTemplate(template -> template
                .name(names.template())
                .indexPatterns(names.allIndices())
                .version(VERSION)
                .template(mapping -> mapping.settings(settings()).mappings(mappings())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the event index template " + names.template(), e);
        }
    }

    private static IndexSettings settings() {
        return IndexSettings.of(settings -> settings
            .numberOfShards(1)
            .autoExpandReplicas("0-1")
            .refreshInterval(interval -> interval.time("1s"))
            .analysis(analysis -> analysis.normalizer(LOWERCASE, normalizer -> normalizer.custom(custom -> custom.filter("lowercase")))));
    }

    private static TypeMapping mappings() {
        return TypeMapping.of(mapping -> mapping
            .dynamic(DynamicMapping.False)
            .properties(EventDocument.ID, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.TYPE, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.TIMESTAMP, property -> property.date(date -> date.format("epoch_millis")))
            .properties(EventDocument.ACCOUNT, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.DOMAIN, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.RECIPIENT, property -> property.keyword(keyword -> keyword.normalizer(LOWERCASE)))
            .properties(EventDocument.TAGS, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.MESSAGE_ID, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.FROM, property -> property.keyword(keyword -> keyword.normalizer(LOWERCASE)))
            .properties(EventDocument.SEVERITY, property -> property.keyword(keyword -> keyword))
            .properties(EventDocument.EVENT, property -> property.object(object -> object.enabled(false))));
    }
}

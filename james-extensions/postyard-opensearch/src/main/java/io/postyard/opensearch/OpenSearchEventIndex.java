package io.postyard.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.event.EventQuery;
import io.postyard.core.event.PostyardEvent;

/**
 * Events in OpenSearch, one document per event in the daily index of its timestamp, under the event's id: indexing an
 * event again (a retry, a re-index) replaces the same document. Searches answer {@link EventQuery}s, with the events
 * API's filters and cursor.
 * <p>
 * Writes ask for no refresh ({@link Refresh#False} in production): the indices refresh every second (see
 * {@link EventIndexTemplate}), so an event is searchable within about a second of its write without every write
 * forcing a refresh, which would make a new segment per event. Tests pass {@link Refresh#True} to search what they just
 * wrote.
 */
public class OpenSearchEventIndex {
    private static final Logger LOGGER = LoggerFactory.getLogger(OpenSearchEventIndex.class);

    private final OpenSearchClient client;
    private final EventIndexNames names;
    private final EventIndexTemplate template;
    private final Refresh refresh;

    public OpenSearchEventIndex(OpenSearchClient client, EventIndexNames names, Refresh refresh) {
        this.client = client;
        this.names = names;
        this.template = new EventIndexTemplate(client, names);
        this.refresh = Objects.requireNonNull(refresh);
    }

    /** Puts the index template, so that the first event of a day makes its index with the right mapping. */
    public void prepare() {
        template.ensure();
    }

    public void index(PostyardEvent event) {
        template.ensure();
        try {
            client.index(request -> request.index(names.dailyIndex(event.timestamp())).id(event.id().value())
                .document(EventDocument.of(event)).refresh(refresh));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index event " + event.id().value(), e);
        }
    }

    /** Indexes the events in one bulk request; returns how many OpenSearch refused, logging the first refusal's reason. */
    public long index(List<PostyardEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        template.ensure();
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh);
        for (PostyardEvent event : events) {
            bulk.operations(operation -> operation.index(request -> request.index(names.dailyIndex(event.timestamp()))
                .id(event.id().value()).document(EventDocument.of(event))));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (!response.errors()) {
                return 0;
            }
            List<BulkResponseItem> refused = response.items().stream().filter(item -> item.error() != null).toList();
            BulkResponseItem first = refused.get(0);
            LOGGER.warn("OpenSearch refused {} of {} events, first {} in {}: {}", refused.size(), events.size(), first.id(), first.index(),
                first.error().reason());
            return refused.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index " + events.size() + " events", e);
        }
    }

    public List<PostyardEvent> search(EventQuery query) {
        try {
            return client.search(EventSearch.of(query, names), ObjectNode.class).hits().hits().stream()
                .map(Hit::source)
                .map(EventDocument::event)
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search events of " + query.domain().asString(), e);
        }
    }
}

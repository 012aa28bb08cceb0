package io.postyard.opensearch;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.lifecycle.StartupTask;

/**
 * Puts the event index template at start, so a wrong URL or credentials show in the log at once. OpenSearch being down
 * does not stop the server: mail flows and events are stored, and the template is put before the first event indexed.
 */
public class EventIndexPreparation implements StartupTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(EventIndexPreparation.class);

    private final OpenSearchEventIndex index;

    @Inject
    public EventIndexPreparation(OpenSearchEventIndex index) {
        this.index = index;
    }

    @Override
    public void run() {
        try {
            index.prepare();
        } catch (RuntimeException e) {
            LOGGER.warn("OpenSearch does not answer; events are stored and will be indexed once it does", e);
        }
    }
}

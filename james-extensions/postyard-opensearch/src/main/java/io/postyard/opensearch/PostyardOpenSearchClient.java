package io.postyard.opensearch;

import java.io.IOException;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.opensearch.client.opensearch.OpenSearchClient;

/** The server's OpenSearch client; its connections are closed with the server, so a restart in the same JVM leaks none. */
public class PostyardOpenSearchClient {
    private final OpenSearchClient client;

    @Inject
    public PostyardOpenSearchClient(OpenSearchConfiguration configuration) {
        this.client = OpenSearchClients.open(configuration);
    }

    public OpenSearchClient client() {
        return client;
    }

    @PreDestroy
    public void close() throws IOException {
        client._transport().close();
    }
}

package io.postyard.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;

/**
 * Event indices of a prefix of their own on the real OpenSearch that {@code ./postyard test} starts (or the one
 * {@code POSTYARD_TEST_OPENSEARCH} names, as a URL), for one test class; the indices and their template are deleted
 * after it.
 */
public class OpenSearchIndices implements BeforeAllCallback, AfterAllCallback {
    public static URI url() {
        return URI.create(System.getenv().getOrDefault("POSTYARD_TEST_OPENSEARCH", OpenSearchConfiguration.LOCAL_NODE.toString()));
    }

    /** A prefix no other test run uses, so that runs never see each other's events. */
    public static String randomPrefix() {
        return "test-events-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static OpenSearchConfiguration configuration(String prefix) {
        return new OpenSearchConfiguration(List.of(url()), Optional.empty(), Optional.empty(), prefix);
    }

    /** Deletes the prefix's daily indices and its template. */
    public static void delete(String prefix) {
        withClient(prefix, client -> {
            deleteIndices(client, prefix);
            try {
                client.indices().deleteIndexTemplate(template -> template.name(new EventIndexNames(prefix).template()));
            } catch (OpenSearchException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        });
    }

    /** Deletes the prefix's daily indices, as an operator losing them would; the template stays. */
    public static void deleteIndices(String prefix) {
        withClient(prefix, client -> deleteIndices(client, prefix));
    }

    private interface ClientWork {
        void run(OpenSearchClient client) throws IOException;
    }

    private static void withClient(String prefix, ClientWork work) {
        OpenSearchClient client = OpenSearchClients.open(configuration(prefix));
        try {
            work.run(client);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close(client);
        }
    }

    private static void deleteIndices(OpenSearchClient client, String prefix) throws IOException {
        client.indices().delete(indices -> indices.index(new EventIndexNames(prefix).allIndices()).ignoreUnavailable(true).allowNoIndices(true));
    }

    private static void close(OpenSearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final String prefix = randomPrefix();
    private OpenSearchClient client;

    public String prefix() {
        return prefix;
    }

    public EventIndexNames names() {
        return new EventIndexNames(prefix);
    }

    public OpenSearchClient client() {
        return client;
    }

    /** The index, refreshed on every write so that a test searches what it just wrote. */
    public OpenSearchEventIndex index() {
        return new OpenSearchEventIndex(client, names(), Refresh.True);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        client = OpenSearchClients.open(configuration(prefix));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            delete(prefix);
        } finally {
            close(client);
        }
    }
}

package io.postyard.opensearch;

import java.net.URI;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Opens an {@link OpenSearchClient} on Apache HttpClient 5, JSON through Jackson. Close it with
 * {@code client._transport().close()}. The transport spreads requests over the nodes and sets aside, for a while, a
 * node that does not answer.
 */
public final class OpenSearchClients {
    public static OpenSearchClient open(OpenSearchConfiguration configuration) {
        HttpHost[] hosts = configuration.urls().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder transport = ApacheHttpClient5TransportBuilder.builder(hosts)
            .setMapper(new JacksonJsonpMapper());
        configuration.username().ifPresent(username -> {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            char[] password = configuration.password().orElse("").toCharArray();
            for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(username, password));
            }
            transport.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        });
        return new OpenSearchClient(transport.build());
    }

    private static HttpHost host(URI url) {
        // No port: the scheme's (80 or 443), as for any URL.
        return new HttpHost(url.getScheme(), url.getHost(), url.getPort());
    }

    private OpenSearchClients() {
    }
}

package io.postyard.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

class OpenSearchConfigurationTest {
    @Test
    void noUrlMeansTheLocalNodeAndTheDefaultPrefix() {
        OpenSearchConfiguration configuration = OpenSearchConfiguration.from(PostyardSettings.defaults());

        assertThat(configuration.urls()).containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(configuration.indexPrefix()).isEqualTo("postyard-events");
        assertThat(configuration.username()).isEmpty();
        assertThat(configuration.password()).isEmpty();
    }

    @Test
    void urlsAreCommaSeparated() {
        OpenSearchConfiguration configuration = OpenSearchConfiguration.from(PostyardSettings.defaults()
            .with(Setting.OPENSEARCH_URLS, " https://search-1.internal:9200 , http://search-2.internal:9200")
            .with(Setting.OPENSEARCH_USERNAME, "postyard")
            .with(Setting.OPENSEARCH_PASSWORD, "search-secret-1")
            .with(Setting.OPENSEARCH_INDEX_PREFIX, "mail-events"));

        assertThat(configuration.urls()).containsExactly(URI.create("https://search-1.internal:9200"), URI.create("http://search-2.internal:9200"));
        assertThat(configuration.username()).contains("postyard");
        assertThat(configuration.password()).contains("search-secret-1");
        assertThat(configuration.indexPrefix()).isEqualTo("mail-events");
    }

    @Test
    void thePasswordIsNeverShown() {
        OpenSearchConfiguration configuration = OpenSearchConfiguration.from(PostyardSettings.defaults()
            .with(Setting.OPENSEARCH_USERNAME, "postyard")
            .with(Setting.OPENSEARCH_PASSWORD, "search-secret-1"));

        assertThat(configuration.toString()).contains("postyard").doesNotContain("search-secret-1");
        assertThat(Setting.OPENSEARCH_PASSWORD.isSecret()).isTrue();
        assertThat(PostyardSettings.defaults().with(Setting.OPENSEARCH_PASSWORD, "search-secret-1").toString()).doesNotContain("search-secret-1");
    }

    @Test
    void credentialsInAUrlAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> OpenSearchConfiguration.from(PostyardSettings.defaults()
                .with(Setting.OPENSEARCH_URLS, "http://postyard:search-secret-1@search.internal:9200")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("POSTYARD_OPENSEARCH_PASSWORD")
            .hasMessageNotContaining("search-secret-1");
    }

    @Test
    void badUrlsAndPrefixesAreRefusedWithTheVariableName() {
        for (String url : List.of("127.0.0.1:9200", "ftp://search.internal", "http://")) {
            assertThatThrownBy(() -> OpenSearchConfiguration.from(PostyardSettings.defaults().with(Setting.OPENSEARCH_URLS, url)))
                .as(url)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSTYARD_OPENSEARCH_URLS");
        }
        for (String prefix : List.of("Events", "_events", "events*", "", "a b")) {
            assertThatThrownBy(() -> OpenSearchConfiguration.from(PostyardSettings.defaults().with(Setting.OPENSEARCH_INDEX_PREFIX, prefix)))
                .as(prefix)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSTYARD_OPENSEARCH_INDEX_PREFIX");
        }
    }
}

package io.postyard.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;

import io.postyard.core.account.AccountStore;
import io.postyard.core.account.SigningKeyStore;
import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.event.EventStore;
import io.postyard.core.job.TimedJob;
import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.stats.StatsStore;
import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.webhook.AbandonedWebhookDeliveries;
import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.WebhookDispatcher;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookStore;

@Order(1)
class CassandraStoresModuleTest {
    /** Every store of core that the memory profile binds (postyard-server's MemoryStoresModule); providers bind their own. */
    private static final List<Class<?>> STORES = List.of(AccountStore.class, SigningKeyStore.class, ApiKeyStore.class, DomainStore.class,
        DkimKeyStore.class, SuppressionStore.class, WebhookStore.class, AccountWebhookStore.class, WebhookOutbox.class, StatsStore.class,
        EventStore.class, HostedMailboxStore.class);

    /**
     * The module opens its session on a keyspace holding no table and applies the whole schema: a store whose tables
     * the schema lacks fails to prepare its statements when it is made.
     */
    @Test
    void everyStoreIsACassandraSingletonOnTheWholeSchema() {
        PostyardSettings settings = PostyardSettings.defaults()
            .with(Setting.CASSANDRA_CONTACT_POINTS, CassandraKeyspace.contactPoint())
            .with(Setting.CASSANDRA_KEYSPACE, CassandraKeyspace.unusedKeyspace());
        Injector injector = Guice.createInjector(new CassandraStoresModule(), binder -> {
            binder.bind(PostyardSettings.class).toInstance(settings);
            binder.bind(WebhookDispatcher.class).toInstance(deliveryId -> { });
        });

        try (CqlSession session = injector.getInstance(Key.get(CqlSession.class, Names.named(PostyardSession.NAME)))) {
            for (Class<?> store : STORES) {
                Object instance = injector.getInstance(store);
                assertThat(instance.getClass().getSimpleName()).isEqualTo("Cassandra" + store.getSimpleName());
                assertThat(injector.getInstance(store)).isSameAs(instance);
            }
            assertThat(injector.getInstance(Key.get(EventStore.class, Names.named(EventStore.RECORDS))))
                .isSameAs(injector.getInstance(EventStore.class));
            assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<TimedJob>>() { })))
                .hasExactlyElementsOfTypes(AbandonedWebhookDeliveries.class);
            SchemaMigrations.apply(session, List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<SchemaMigration>>() { }))));
        }
    }
}

package io.postyard.mailgun.cassandra;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.cassandra.SchemaMigration;
import io.postyard.mailgun.credential.CredentialStore;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;
import io.postyard.mailgun.inbound.ReceivedMessageStore;
import io.postyard.mailgun.list.MailingListStore;
import io.postyard.mailgun.route.RouteStore;
import io.postyard.mailgun.tag.TagStore;
import io.postyard.mailgun.template.TemplateStore;

/** The Mailgun stores on Cassandra, for the cassandra profile, with their tables. */
public class CassandraMailgunStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TemplateStore.class).to(CassandraTemplateStore.class).in(Scopes.SINGLETON);
        bind(MailgunDomainSettingsStore.class).to(CassandraMailgunDomainSettingsStore.class).in(Scopes.SINGLETON);
        bind(RouteStore.class).to(CassandraRouteStore.class).in(Scopes.SINGLETON);
        bind(MailingListStore.class).to(CassandraMailingListStore.class).in(Scopes.SINGLETON);
        bind(ReceivedMessageStore.class).to(CassandraReceivedMessageStore.class).in(Scopes.SINGLETON);
        bind(TagStore.class).to(CassandraTagStore.class).in(Scopes.SINGLETON);
        bind(CredentialStore.class).to(CassandraCredentialStore.class).in(Scopes.SINGLETON);
        Multibinder<SchemaMigration> schema = Multibinder.newSetBinder(binder(), SchemaMigration.class);
        schema.addBinding().toInstance(CassandraTemplateStore.SCHEMA);
        schema.addBinding().toInstance(CassandraCredentialStore.SCHEMA);
        schema.addBinding().toInstance(CassandraTagStore.SCHEMA);
        schema.addBinding().toInstance(CassandraRouteStore.SCHEMA);
        schema.addBinding().toInstance(CassandraMailingListStore.SCHEMA);
        schema.addBinding().toInstance(CassandraReceivedMessageStore.SCHEMA);
        schema.addBinding().toInstance(CassandraMailgunDomainSettingsStore.SCHEMA);
    }
}

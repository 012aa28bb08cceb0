package io.postyard.mailgun.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.mailgun.credential.CredentialStore;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;
import io.postyard.mailgun.inbound.ReceivedMessageStore;
import io.postyard.mailgun.list.MailingListStore;
import io.postyard.mailgun.route.RouteStore;
import io.postyard.mailgun.tag.TagStore;
import io.postyard.mailgun.template.TemplateStore;

/** The Mailgun stores on the SQL database, with their tables. */
public class JdbcMailgunStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TemplateStore.class).to(JdbcTemplateStore.class).in(Scopes.SINGLETON);
        bind(MailgunDomainSettingsStore.class).to(JdbcMailgunDomainSettingsStore.class).in(Scopes.SINGLETON);
        bind(RouteStore.class).to(JdbcRouteStore.class).in(Scopes.SINGLETON);
        bind(MailingListStore.class).to(JdbcMailingListStore.class).in(Scopes.SINGLETON);
        bind(ReceivedMessageStore.class).to(JdbcReceivedMessageStore.class).in(Scopes.SINGLETON);
        bind(TagStore.class).to(JdbcTagStore.class).in(Scopes.SINGLETON);
        bind(CredentialStore.class).to(JdbcCredentialStore.class).in(Scopes.SINGLETON);
        Multibinder<JdbcMigration> schema = Multibinder.newSetBinder(binder(), JdbcMigration.class);
        schema.addBinding().toInstance(JdbcTemplateStore.SCHEMA);
        schema.addBinding().toInstance(JdbcCredentialStore.SCHEMA);
        schema.addBinding().toInstance(JdbcTagStore.SCHEMA);
        schema.addBinding().toInstance(JdbcRouteStore.SCHEMA);
        schema.addBinding().toInstance(JdbcMailingListStore.SCHEMA);
        schema.addBinding().toInstance(JdbcReceivedMessageStore.SCHEMA);
        schema.addBinding().toInstance(JdbcMailgunDomainSettingsStore.SCHEMA);
    }
}

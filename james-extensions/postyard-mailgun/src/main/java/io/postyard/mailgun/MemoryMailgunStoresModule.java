package io.postyard.mailgun;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import io.postyard.mailgun.credential.CredentialStore;
import io.postyard.mailgun.credential.MemoryCredentialStore;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;
import io.postyard.mailgun.domain.MemoryMailgunDomainSettingsStore;
import io.postyard.mailgun.inbound.MemoryReceivedMessageStore;
import io.postyard.mailgun.inbound.ReceivedMessageStore;
import io.postyard.mailgun.list.MailingListStore;
import io.postyard.mailgun.list.MemoryMailingListStore;
import io.postyard.mailgun.route.MemoryRouteStore;
import io.postyard.mailgun.route.RouteStore;
import io.postyard.mailgun.tag.MemoryTagStore;
import io.postyard.mailgun.tag.TagStore;
import io.postyard.mailgun.template.MemoryTemplateStore;
import io.postyard.mailgun.template.TemplateStore;

/** The Mailgun stores held in memory, for the memory profile. */
public class MemoryMailgunStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TemplateStore.class).to(MemoryTemplateStore.class).in(Scopes.SINGLETON);
        bind(MailgunDomainSettingsStore.class).to(MemoryMailgunDomainSettingsStore.class).in(Scopes.SINGLETON);
        bind(RouteStore.class).to(MemoryRouteStore.class).in(Scopes.SINGLETON);
        bind(MailingListStore.class).to(MemoryMailingListStore.class).in(Scopes.SINGLETON);
        bind(ReceivedMessageStore.class).to(MemoryReceivedMessageStore.class).in(Scopes.SINGLETON);
        bind(TagStore.class).to(MemoryTagStore.class).in(Scopes.SINGLETON);
        bind(CredentialStore.class).to(MemoryCredentialStore.class).in(Scopes.SINGLETON);
    }
}

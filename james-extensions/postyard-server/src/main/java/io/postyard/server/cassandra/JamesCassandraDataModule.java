package io.postyard.server.cassandra;

import java.util.List;
import java.util.Set;

import org.apache.commons.configuration2.ex.ConfigurationException;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.DefaultVacationService;
import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.dlp.api.DLPConfigurationStore;
import org.apache.james.dlp.eventsourcing.EventSourcingDLPConfigurationStore;
import org.apache.james.dlp.eventsourcing.cassandra.DLPConfigurationModules;
import org.apache.james.UserEntityValidator;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.cassandra.CassandraDomainList;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.eventsourcing.Event;
import org.apache.james.eventsourcing.eventstore.EventStore;
import org.apache.james.eventsourcing.eventstore.cassandra.CassandraEventStore;
import org.apache.james.eventsourcing.eventstore.cassandra.CassandraEventStoreModule;
import org.apache.james.eventsourcing.eventstore.cassandra.EventNestedTypes;
import org.apache.james.json.DTO;
import org.apache.james.json.DTOModule;
import org.apache.james.eventsourcing.eventstore.cassandra.dto.EventDTO;
import org.apache.james.eventsourcing.eventstore.cassandra.dto.EventDTOModule;
import org.apache.james.mailrepository.api.MailRepositoryFactory;
import org.apache.james.mailrepository.api.MailRepositoryUrlStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.cassandra.CassandraMailRepository;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryFactory;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryUrlModule;
import org.apache.james.mailrepository.cassandra.CassandraMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.CoreDataModule;
import org.apache.james.rrt.api.AliasReverseResolver;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.cassandra.CassandraRRTModule;
import org.apache.james.rrt.cassandra.CassandraRecipientRewriteTable;
import org.apache.james.rrt.lib.AliasReverseResolverImpl;
import org.apache.james.rrt.lib.CanSendFromImpl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.sieve.cassandra.CassandraSieveRepository;
import org.apache.james.sieverepository.api.SieveQuotaRepository;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.DelegationStore;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.cassandra.CassandraDelegationStore;
import org.apache.james.user.cassandra.CassandraRepositoryConfiguration;
import org.apache.james.user.cassandra.CassandraUsersDAO;
import org.apache.james.user.lib.UsersDAO;
import org.apache.james.user.lib.UsersRepositoryImpl;
import org.apache.james.jmap.draft.utils.JsoupHtmlTextExtractor;
import org.apache.james.util.date.DefaultZonedDateTimeProvider;
import org.apache.james.util.html.HtmlTextExtractor;
import org.apache.james.util.date.ZonedDateTimeProvider;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.vacation.api.NotificationRegistry;
import org.apache.james.vacation.api.VacationRepository;
import org.apache.james.vacation.api.VacationService;
import org.apache.james.vacation.cassandra.CassandraNotificationRegistry;
import org.apache.james.vacation.cassandra.CassandraNotificationRegistryModule;
import org.apache.james.vacation.cassandra.CassandraVacationModule;
import org.apache.james.vacation.cassandra.CassandraVacationRepository;

import javax.inject.Named;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.name.Names;

import io.postyard.core.domain.DomainLocality;
import io.postyard.server.PolicedUsersModule;

/**
 * James's server data on Cassandra ({@code james-server-data-cassandra} and friends): domains, users, recipient
 * rewrite rules, delegation, vacation replies, Sieve scripts, DLP rules, the event store, and mail repositories
 * (the {@code cassandra://} protocol, which the configuration's {@code memory://} repositories are mapped to).
 */
public class JamesCassandraDataModule extends AbstractModule {
    static final String PROTOCOL = "cassandra";

    @Override
    protected void configure() {
        install(new CoreDataModule());
        Multibinder<CassandraModule> tables = Multibinder.newSetBinder(binder(), CassandraModule.class);

        bind(CassandraDomainList.class).in(Scopes.SINGLETON);
        bind(DomainList.class).annotatedWith(Names.named(DomainLocality.ALL_JAMES_DOMAINS)).to(CassandraDomainList.class);
        tables.addBinding().toInstance(org.apache.james.domainlist.cassandra.CassandraDomainListModule.MODULE);

        bind(CassandraRecipientRewriteTable.class).in(Scopes.SINGLETON);
        bind(RecipientRewriteTable.class).to(CassandraRecipientRewriteTable.class);
        bind(AliasReverseResolverImpl.class).in(Scopes.SINGLETON);
        bind(AliasReverseResolver.class).to(AliasReverseResolverImpl.class);
        bind(CanSendFromImpl.class).in(Scopes.SINGLETON);
        bind(CanSendFrom.class).to(CanSendFromImpl.class);
        tables.addBinding().toInstance(CassandraRRTModule.MODULE);

        bind(CassandraUsersDAO.class).in(Scopes.SINGLETON);
        bind(UsersDAO.class).to(CassandraUsersDAO.class);
        bind(UsersRepository.class).annotatedWith(Names.named(PolicedUsersModule.JAMES_USERS))
            .to(new TypeLiteral<UsersRepositoryImpl<CassandraUsersDAO>>() { });
        tables.addBinding().toInstance(org.apache.james.user.cassandra.CassandraUsersRepositoryModule.MODULE);
        bind(CassandraDelegationStore.class).in(Scopes.SINGLETON);
        bind(DelegationStore.class).to(CassandraDelegationStore.class);

        bind(DefaultVacationService.class).in(Scopes.SINGLETON);
        bind(VacationService.class).to(DefaultVacationService.class);
        bind(CassandraVacationRepository.class).in(Scopes.SINGLETON);
        bind(VacationRepository.class).to(CassandraVacationRepository.class);
        bind(CassandraNotificationRegistry.class).in(Scopes.SINGLETON);
        bind(NotificationRegistry.class).to(CassandraNotificationRegistry.class);
        // Vacation replies built from HTML need a text version; James's JMAP module would bind this otherwise.
        bind(JsoupHtmlTextExtractor.class).in(Scopes.SINGLETON);
        bind(HtmlTextExtractor.class).to(JsoupHtmlTextExtractor.class);
        bind(DefaultZonedDateTimeProvider.class).in(Scopes.SINGLETON);
        bind(ZonedDateTimeProvider.class).to(DefaultZonedDateTimeProvider.class);
        tables.addBinding().toInstance(CassandraVacationModule.MODULE);
        tables.addBinding().toInstance(CassandraNotificationRegistryModule.MODULE);

        bind(CassandraSieveRepository.class).in(Scopes.SINGLETON);
        bind(SieveRepository.class).to(CassandraSieveRepository.class);
        bind(SieveQuotaRepository.class).to(CassandraSieveRepository.class);
        tables.addBinding().toInstance(org.apache.james.sieve.cassandra.CassandraSieveRepositoryModule.MODULE);

        bind(CassandraEventStore.class).in(Scopes.SINGLETON);
        bind(EventStore.class).to(CassandraEventStore.class);
        tables.addBinding().toInstance(CassandraEventStoreModule.MODULE());
        Multibinder<EventDTOModule<? extends Event, ? extends EventDTO>> eventTypes =
            Multibinder.newSetBinder(binder(), new TypeLiteral<EventDTOModule<? extends Event, ? extends EventDTO>>() { });
        bind(EventSourcingDLPConfigurationStore.class).in(Scopes.SINGLETON);
        bind(DLPConfigurationStore.class).to(EventSourcingDLPConfigurationStore.class);
        eventTypes.addBinding().toInstance(DLPConfigurationModules.DLP_CONFIGURATION_STORE);
        eventTypes.addBinding().toInstance(DLPConfigurationModules.DLP_CONFIGURATION_CLEAR);
        bind(new TypeLiteral<Set<DTOModule<?, ? extends DTO>>>() { })
            .annotatedWith(Names.named(EventNestedTypes.EVENT_NESTED_TYPES_INJECTION_NAME))
            .toInstance(Set.of());

        bind(CassandraMailRepositoryUrlStore.class).in(Scopes.SINGLETON);
        bind(MailRepositoryUrlStore.class).to(CassandraMailRepositoryUrlStore.class);
        bind(MailRepositoryStoreConfiguration.Item.class).toProvider(() -> new MailRepositoryStoreConfiguration.Item(
            List.of(new Protocol(PROTOCOL)), CassandraMailRepository.class.getName(), new BaseHierarchicalConfiguration()));
        Multibinder.newSetBinder(binder(), MailRepositoryFactory.class).addBinding().to(CassandraMailRepositoryFactory.class);
        tables.addBinding().toInstance(org.apache.james.mailrepository.cassandra.CassandraMailRepositoryModule.MODULE);
        tables.addBinding().toInstance(CassandraMailRepositoryUrlModule.MODULE);
    }

    /** Checked against James's whole domain list: a login may be made in a domain whose ownership is not proved yet. */
    @Provides
    @Singleton
    UsersRepositoryImpl<CassandraUsersDAO> usersRepository(@Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList all,
                                                           CassandraUsersDAO users, UserEntityValidator validator) {
        UsersRepositoryImpl<CassandraUsersDAO> repository = new UsersRepositoryImpl<>(all, users);
        repository.setValidator(validator);
        return repository;
    }

    @Provides
    @Singleton
    CassandraRepositoryConfiguration usersConfiguration(ConfigurationProvider configurations) throws ConfigurationException {
        return CassandraRepositoryConfiguration.from(configurations.getConfiguration("usersrepository"));
    }

    @ProvidesIntoSet
    InitializationOperation configureDomainList(DomainListConfiguration configuration, CassandraDomainList domains) {
        return InitilizationOperationBuilder.forClass(CassandraDomainList.class).init(() -> domains.configure(configuration));
    }

    @ProvidesIntoSet
    InitializationOperation configureRewriteTable(ConfigurationProvider configurations, CassandraRecipientRewriteTable rules) {
        return InitilizationOperationBuilder.forClass(CassandraRecipientRewriteTable.class)
            .init(() -> rules.configure(configurations.getConfiguration("recipientrewritetable")));
    }

    @ProvidesIntoSet
    InitializationOperation configureUsers(ConfigurationProvider configurations, UsersRepositoryImpl<CassandraUsersDAO> users) {
        return InitilizationOperationBuilder.forClass(UsersRepositoryImpl.class)
            .init(() -> users.configure(configurations.getConfiguration("usersrepository")));
    }
}

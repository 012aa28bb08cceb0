package io.postyard.server.jpa;

import java.util.List;

import javax.inject.Named;
import javax.persistence.EntityManagerFactory;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.CoreDataModule;
import org.apache.james.DefaultVacationService;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.UserEntityValidator;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.jpa.JPADomainList;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.jmap.draft.utils.JsoupHtmlTextExtractor;
import org.apache.james.mailrepository.api.MailRepositoryFactory;
import org.apache.james.mailrepository.api.MailRepositoryUrlStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.jpa.JPAMailRepository;
import org.apache.james.mailrepository.jpa.JPAMailRepositoryFactory;
import org.apache.james.mailrepository.jpa.JPAMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.rrt.api.AliasReverseResolver;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.jpa.JPARecipientRewriteTable;
import org.apache.james.rrt.lib.AliasReverseResolverImpl;
import org.apache.james.rrt.lib.CanSendFromImpl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.sieve.jpa.JPASieveRepository;
import org.apache.james.sieverepository.api.SieveQuotaRepository;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.apache.james.util.date.DefaultZonedDateTimeProvider;
import org.apache.james.util.date.ZonedDateTimeProvider;
import org.apache.james.util.html.HtmlTextExtractor;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.vacation.api.NotificationRegistry;
import org.apache.james.vacation.api.VacationRepository;
import org.apache.james.vacation.api.VacationService;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.name.Names;

import io.postyard.core.domain.DomainLocality;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.JdbcNotificationRegistry;
import io.postyard.jdbc.JdbcVacationRepository;
import io.postyard.server.PolicedUsersModule;

/**
 * James's server data on JPA ({@code james-server-data-jpa}): domains, users, recipient rewrite rules, Sieve scripts
 * and mail repositories (the {@code jpa://} protocol, which the configuration's {@code memory://} repositories are
 * mapped to). James has no JPA vacation store: vacation replies and who got one are Postyard's SQL tables.
 */
public class JamesJpaDataModule extends AbstractModule {
    public static final String PROTOCOL = "jpa";

    @Override
    protected void configure() {
        install(new CoreDataModule());
        install(new NaiveDelegationStoreModule());

        bind(JPADomainList.class).in(Scopes.SINGLETON);

        // This node is the only writer of its database: the rewrite rules every local recipient is resolved through,
        // and whether a user exists, are answered from memory.
        bind(JPARecipientRewriteTable.class).to(CachedJpaRecipientRewriteTable.class);
        bind(CachedJpaRecipientRewriteTable.class).in(Scopes.SINGLETON);
        bind(RecipientRewriteTable.class).to(JPARecipientRewriteTable.class);
        bind(AliasReverseResolverImpl.class).in(Scopes.SINGLETON);
        bind(AliasReverseResolver.class).to(AliasReverseResolverImpl.class);
        bind(CanSendFromImpl.class).in(Scopes.SINGLETON);
        bind(CanSendFrom.class).to(CanSendFromImpl.class);

        bind(UsersRepository.class).annotatedWith(Names.named(PolicedUsersModule.JAMES_USERS)).to(JPAUsersRepository.class);

        bind(JPASieveRepository.class).to(CachedJpaSieveRepository.class);
        bind(CachedJpaSieveRepository.class).in(Scopes.SINGLETON);
        bind(SieveRepository.class).to(JPASieveRepository.class);
        bind(SieveQuotaRepository.class).to(JPASieveRepository.class);

        bind(DefaultVacationService.class).in(Scopes.SINGLETON);
        bind(VacationService.class).to(DefaultVacationService.class);
        bind(JdbcVacationRepository.class).in(Scopes.SINGLETON);
        bind(JdbcNotificationRegistry.class).in(Scopes.SINGLETON);
        Multibinder<JdbcMigration> schema = Multibinder.newSetBinder(binder(), JdbcMigration.class);
        schema.addBinding().toInstance(JdbcVacationRepository.SCHEMA);
        schema.addBinding().toInstance(JdbcNotificationRegistry.SCHEMA);
        // Vacation replies built from HTML need a text version; James's JMAP module would bind this otherwise.
        bind(JsoupHtmlTextExtractor.class).in(Scopes.SINGLETON);
        bind(HtmlTextExtractor.class).to(JsoupHtmlTextExtractor.class);
        bind(DefaultZonedDateTimeProvider.class).in(Scopes.SINGLETON);
        bind(ZonedDateTimeProvider.class).to(DefaultZonedDateTimeProvider.class);

        bind(JPAMailRepositoryUrlStore.class).in(Scopes.SINGLETON);
        bind(MailRepositoryUrlStore.class).to(JPAMailRepositoryUrlStore.class);
        bind(MailRepositoryStoreConfiguration.Item.class).toProvider(() -> new MailRepositoryStoreConfiguration.Item(
            List.of(new Protocol(PROTOCOL)), JPAMailRepository.class.getName(), new BaseHierarchicalConfiguration()));
        Multibinder.newSetBinder(binder(), MailRepositoryFactory.class).addBinding().to(JPAMailRepositoryFactory.class);
    }

    /** Checked against James's whole domain list: a login may be made in a domain whose ownership is not proved yet. */
    @Provides
    @Singleton
    JPAUsersRepository usersRepository(@Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList all, EntityManagerFactory entities,
                                       UserEntityValidator validator) {
        JPAUsersRepository repository = new CachedJpaUsersRepository(all);
        repository.setEntityManagerFactory(entities);
        repository.setValidator(validator);
        repository.init();
        return repository;
    }

    @ProvidesIntoSet
    InitializationOperation configureDomainList(DomainListConfiguration configuration, JPADomainList domains) {
        return InitilizationOperationBuilder.forClass(JPADomainList.class).init(() -> domains.configure(configuration));
    }

    @ProvidesIntoSet
    InitializationOperation configureRewriteTable(ConfigurationProvider configurations, JPARecipientRewriteTable rules) {
        return InitilizationOperationBuilder.forClass(JPARecipientRewriteTable.class)
            .init(() -> rules.configure(configurations.getConfiguration("recipientrewritetable")));
    }

    @ProvidesIntoSet
    InitializationOperation configureUsers(ConfigurationProvider configurations, JPAUsersRepository users) {
        return InitilizationOperationBuilder.forClass(JPAUsersRepository.class)
            .init(() -> users.configure(configurations.getConfiguration("usersrepository")));
    }

    /** This node is the only writer of its database: "is this domain ours", asked several times per mail, from memory. */
    @Provides
    @Singleton
    @Named(DomainLocality.ALL_JAMES_DOMAINS)
    DomainList allDomains(JPADomainList domains) {
        return new CachedDomainList(domains);
    }

    @Provides
    @Singleton
    VacationRepository vacations(JdbcVacationRepository vacations) {
        return new CachedVacationRepository(vacations);
    }

    @Provides
    @Singleton
    NotificationRegistry vacationNotifications(JdbcNotificationRegistry registry) {
        return new CachedNotificationRegistry(registry);
    }
}

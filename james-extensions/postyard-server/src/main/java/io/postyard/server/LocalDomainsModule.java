package io.postyard.server;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.rrt.lib.AbstractRecipientRewriteTable;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import com.google.inject.matcher.AbstractMatcher;
import com.google.inject.name.Names;
import com.google.inject.spi.InjectionListener;
import com.google.inject.spi.TypeEncounter;
import com.google.inject.spi.TypeListener;

import io.postyard.core.domain.DomainLocality;

/**
 * Every James component sees {@link LocalDomainList}; the profile binds James's own list under
 * {@link DomainLocality#ALL_JAMES_DOMAINS} and gives it to the users repository. James injects the recipient rewrite
 * table's domain list through a setter, which is set again here to the whole list once Guice is done with it: a
 * forward or alias in a domain not proved yet is a rule to keep, not to refuse.
 */
public class LocalDomainsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(LocalDomainList.class).in(Scopes.SINGLETON);
        bind(DomainList.class).to(LocalDomainList.class);
        bind(DomainLocality.class).in(Scopes.SINGLETON);

        Provider<DomainList> all = getProvider(Key.get(DomainList.class, Names.named(DomainLocality.ALL_JAMES_DOMAINS)));
        bindListener(new AbstractMatcher<TypeLiteral<?>>() {
            @Override
            public boolean matches(TypeLiteral<?> type) {
                return AbstractRecipientRewriteTable.class.isAssignableFrom(type.getRawType());
            }
        }, new TypeListener() {
            @Override
            public <I> void hear(TypeLiteral<I> type, TypeEncounter<I> encounter) {
                encounter.register((InjectionListener<I>) rules -> ((AbstractRecipientRewriteTable) rules).setDomainList(all.get()));
            }
        });
    }
}

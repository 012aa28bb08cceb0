package io.postyard.server;

import javax.inject.Named;

import org.apache.james.UserEntityValidator;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;

import io.postyard.core.domain.DomainLocality;

/** On the memory profile: James's memory domain list is the whole list, and the users repository checks against it. */
public class MemoryJamesDomainsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DomainList.class).annotatedWith(Names.named(DomainLocality.ALL_JAMES_DOMAINS)).to(MemoryDomainList.class);
    }

    @Provides
    @Singleton
    MemoryUsersRepository usersRepository(@Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList all, UserEntityValidator validator) {
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(all);
        users.setValidator(validator);
        return users;
    }
}

package io.postyard.server;

import java.util.Set;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.memory.MemoryUsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.postyard.core.hosting.MailUserPolicy;

/** James's memory users repository, seen through {@link PolicedUsersRepository} by every other component. */
public class PolicedUsersModule extends AbstractModule {
    @Provides
    @Singleton
    UsersRepository usersRepository(MemoryUsersRepository james, Set<MailUserPolicy> policies) {
        return new PolicedUsersRepository(james, policies);
    }
}

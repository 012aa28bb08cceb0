package io.postyard.server;

import java.util.Set;

import javax.inject.Named;

import org.apache.james.user.api.UsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.postyard.core.mailbox.MailUserPolicy;

/**
 * James's users repository of the storage profile (bound {@link #JAMES_USERS}), seen through
 * {@link PolicedUsersRepository} by every other component.
 */
public class PolicedUsersModule extends AbstractModule {
    public static final String JAMES_USERS = "james-users";

    @Provides
    @Singleton
    UsersRepository usersRepository(@Named(JAMES_USERS) UsersRepository james, Set<MailUserPolicy> policies) {
        return new PolicedUsersRepository(james, policies);
    }
}

package io.postyard.mailgun.credential;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.user.api.AlreadyExistInUsersRepositoryException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;

import com.google.common.collect.ImmutableList;

/** Mail logins (James users) of a domain: they authenticate to SMTP submission, IMAP and POP3. */
public class CredentialService {
    private final UsersRepository users;
    private final CredentialStore store;
    private final Clock clock;

    @Inject
    public CredentialService(UsersRepository users, CredentialStore store, Clock clock) {
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    public SmtpCredential create(Username login, String password) {
        try {
            if (users.contains(login)) {
                throw new CredentialAlreadyExistsException(login);
            }
            users.addUser(login, password);
        } catch (AlreadyExistInUsersRepositoryException e) {
            throw new CredentialAlreadyExistsException(login);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James refused user " + login.asString(), e);
        }
        store.recordCreation(login, clock.instant());
        return new SmtpCredential(login, store.createdAt(login));
    }

    public void changePassword(Username login, String password) {
        try {
            User user = Optional.ofNullable(users.getUserByName(login))
                .orElseThrow(() -> new CredentialNotFoundException(login));
            user.setPassword(password);
            users.updateUser(user);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not update user " + login.asString(), e);
        }
    }

    public void delete(Username login) {
        try {
            if (!users.contains(login)) {
                throw new CredentialNotFoundException(login);
            }
            users.removeUser(login);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not remove user " + login.asString(), e);
        }
        store.forget(login);
    }

    public boolean exists(Username login) {
        try {
            return users.contains(login);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James users repository failed", e);
        }
    }

    /** Every login of the domain, sorted, whether or not it was created through Postyard. */
    public List<SmtpCredential> list(Domain domain) {
        return logins(domain)
            .sorted((a, b) -> a.asString().compareTo(b.asString()))
            .map(login -> new SmtpCredential(login, store.createdAt(login)))
            .collect(ImmutableList.toImmutableList());
    }

    public void deleteAll(Domain domain) {
        logins(domain).forEach(this::delete);
    }

    private Stream<Username> logins(Domain domain) {
        try {
            ImmutableList.Builder<Username> logins = ImmutableList.builder();
            Iterator<Username> all = users.list();
            while (all.hasNext()) {
                Username login = all.next();
                if (login.getDomainPart().map(domain::equals).orElse(false)) {
                    logins.add(login);
                }
            }
            return logins.build().stream();
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James users repository failed", e);
        }
    }
}

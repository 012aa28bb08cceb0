package io.postyard.server;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.reactivestreams.Publisher;

import io.postyard.core.mailbox.MailUserPolicy;

/**
 * James's users repository, with password checks subject to the providers' {@link MailUserPolicy}s. IMAP, POP3 and
 * SMTP AUTH all check passwords here, so a suspended or deleted user is refused on every protocol at once.
 */
public class PolicedUsersRepository implements UsersRepository {
    private final UsersRepository james;
    private final Set<MailUserPolicy> policies;

    public PolicedUsersRepository(UsersRepository james, Set<MailUserPolicy> policies) {
        this.james = james;
        this.policies = Set.copyOf(policies);
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        if (!policies.stream().allMatch(policy -> policy.mayLogIn(name))) {
            return false;
        }
        if (james.test(name, password)) {
            return true;
        }
        return moveFormerPassword(name, password);
    }

    /** A renamed user's first login with the password of its former name moves that password to the new name. */
    private boolean moveFormerPassword(Username name, String password) throws UsersRepositoryException {
        for (MailUserPolicy policy : policies) {
            Optional<Username> former = policy.formerName(name);
            if (former.isPresent() && james.contains(former.get()) && james.test(former.get(), password)) {
                User user = james.getUserByName(name);
                user.setPassword(password);
                james.updateUser(user);
                james.removeUser(former.get());
                policy.formerPasswordMoved(name);
                return true;
            }
        }
        return false;
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        james.addUser(username, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        return james.getUserByName(name);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        james.updateUser(user);
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        james.removeUser(name);
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        return james.contains(name);
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        return james.containsReactive(name);
    }

    @Override
    public int countUsers() throws UsersRepositoryException {
        return james.countUsers();
    }

    @Override
    public Iterator<Username> list() throws UsersRepositoryException {
        return james.list();
    }

    @Override
    public Publisher<Username> listReactive() {
        return james.listReactive();
    }

    @Override
    public boolean supportVirtualHosting() throws UsersRepositoryException {
        return james.supportVirtualHosting();
    }

    @Override
    public Username getUsername(MailAddress mailAddress) throws UsersRepositoryException {
        return james.getUsername(mailAddress);
    }

    @Override
    public MailAddress getMailAddressFor(Username username) throws UsersRepositoryException {
        return james.getMailAddressFor(username);
    }

    @Override
    public boolean isAdministrator(Username username) throws UsersRepositoryException {
        return james.isAdministrator(username);
    }

    @Override
    public boolean isReadOnly() {
        return james.isReadOnly();
    }

    @Override
    public void assertValid(Username username) throws UsersRepositoryException {
        james.assertValid(username);
    }
}

package io.postyard.opensrs;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

import io.postyard.core.mailbox.MailUserPolicy;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedUser;
import io.postyard.opensrs.store.HostedUserStore;

/**
 * What OMA decides for James: a suspended or deleted user cannot log in; a deleted user, a deleted domain, and the
 * former name of a renamed user receive no mail. It reads the stores only, since James's users repository asks it.
 */
public class OmaUserPolicy implements MailUserPolicy {
    private final HostedUserStore users;
    private final HostedDomainStore domains;

    @Inject
    public OmaUserPolicy(HostedUserStore users, HostedDomainStore domains) {
        this.users = users;
        this.domains = domains;
    }

    @Override
    public boolean mayLogIn(Username user) {
        return users.get(user).map(HostedUser::mayLogIn).orElse(true)
            && users.byFormerName(user).isEmpty()
            && !isDeletedDomain(user.getDomainPart());
    }

    @Override
    public boolean acceptsMail(MailAddress recipient) {
        Username user = Username.fromMailAddress(recipient);
        return users.get(user).map(found -> !found.isDeleted()).orElse(true)
            && users.byFormerName(user).isEmpty()
            && !isDeletedDomain(Optional.of(recipient.getDomain()));
    }

    @Override
    public boolean hostsMailboxes(Domain domain) {
        return domains.get(domain).isPresent();
    }

    @Override
    public Optional<Username> formerName(Username user) {
        return users.get(user).flatMap(HostedUser::formerName);
    }

    @Override
    public void formerPasswordMoved(Username user) {
        users.get(user).ifPresent(found -> users.save(found.renamed(user, Optional.empty())));
    }

    private boolean isDeletedDomain(Optional<Domain> domain) {
        return domain.flatMap(domains::get).map(HostedDomain::isDeleted).orElse(false);
    }
}

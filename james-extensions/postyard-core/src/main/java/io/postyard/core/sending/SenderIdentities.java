package io.postyard.core.sending;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.rrt.api.CanSendFrom;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainLocality;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.mailbox.MailUserPolicy;

/**
 * Which addresses a sender may put in its envelope, {@code From} and {@code Sender}: one policy for every entry point,
 * the provider APIs and authenticated SMTP alike.
 *
 * <ul>
 *     <li>An account sending through one of its domains (a Mailgun send, a Mailgun SMTP login) may use an address of any
 *     domain it owns (registered to it, not disabled, and verified or proved), or, as Mailgun documents, of the
 *     sending domain's organizational domain, unless that address's domain is another account's.</li>
 *     <li>A mailbox (an OmyPost or Temp Mail address, an openmail inbox, an OMA user, any login of a shared domain)
 *     sends as itself and its aliases only: its domain holds other people's mailboxes.</li>
 * </ul>
 */
public class SenderIdentities {
    private final DomainStore domains;
    private final DomainLocality locality;
    private final HostedMailboxStore hostedMailboxes;
    private final Set<MailUserPolicy> mailUserPolicies;
    private final CanSendFrom aliases;

    @Inject
    public SenderIdentities(DomainStore domains, DomainLocality locality, HostedMailboxStore hostedMailboxes,
                            Set<MailUserPolicy> mailUserPolicies, CanSendFrom aliases) {
        this.domains = domains;
        this.locality = locality;
        this.hostedMailboxes = hostedMailboxes;
        this.mailUserPolicies = mailUserPolicies;
        this.aliases = aliases;
    }

    public SenderIdentity ofAccount(AccountId account, Domain sendingDomain) {
        return address -> {
            Domain domain = address.getDomain();
            Optional<MailDomain> owner = closestRegistered(domain);
            if (owner.isPresent()) {
                return owner.get().account().equals(account) && isUsable(owner.get());
            }
            return OrganizationalDomains.sameOrganization(sendingDomain, domain);
        };
    }

    /** An SMTP login: a domain's login for its account, anything else as the mailbox it is. */
    public SenderIdentity ofLogin(Username login) {
        Domain domain = login.getDomainPart().orElseThrow(() -> new IllegalArgumentException("A login has a domain"));
        MailAddress own = mailAddress(login);
        boolean mailbox = hostedMailboxes.byAddress(own).isPresent() || locality.isOperated(domain)
            || mailUserPolicies.stream().anyMatch(policy -> policy.hostsMailboxes(domain));
        Optional<MailDomain> accountDomain = mailbox ? Optional.empty() : domains.get(domain);
        if (accountDomain.isPresent()) {
            return ofAccount(accountDomain.get().account(), domain);
        }
        SenderIdentity itself = SenderIdentity.mailbox(own);
        return address -> itself.mayUse(address) || isAliasOf(login, address);
    }

    /** An address no user could have (a quoted local part holding an @) is no alias either. */
    private boolean isAliasOf(Username login, MailAddress address) {
        try {
            return aliases.userCanSendFrom(login, Username.fromMailAddress(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static MailAddress mailAddress(Username login) {
        try {
            return login.asMailAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Login " + login.asString() + " is no mail address", e);
        }
    }

    /** The registered domain the address's domain is, or is under: its owner decides. */
    private Optional<MailDomain> closestRegistered(Domain domain) {
        String name = domain.asString();
        while (true) {
            Optional<MailDomain> registered = domains.get(Domain.of(name));
            if (registered.isPresent()) {
                return registered;
            }
            int dot = name.indexOf('.');
            if (dot < 0 || name.indexOf('.', dot + 1) < 0) {
                return Optional.empty();
            }
            name = name.substring(dot + 1);
        }
    }

    private boolean isUsable(MailDomain domain) {
        return domain.state() != DomainState.DISABLED && (domain.canSend() || locality.isLocal(domain));
    }
}

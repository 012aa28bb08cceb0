package io.postyard.opensrs;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;

import io.postyard.core.mailbox.MailRouting;
import io.postyard.core.mailbox.MailUserExistsException;
import io.postyard.core.mailbox.MailUsers;
import io.postyard.core.mailbox.MailboxLimits;
import io.postyard.core.mailbox.ReservedLocalParts;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.opensrs.store.AdminRole;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedUser;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.UserStatus;

/**
 * Mailbox users of a company's domains, each a James user with an INBOX. Its attributes become James settings:
 * aliases and forwards as recipient rewrite rules, quota as James's quota, the autoresponder as James's vacation.
 * Deleting one keeps its James user and mail, out of service, until the retention ends.
 */
public class OmaUsers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HostedUserStore store;
    private final HostedDomainStore domains;
    private final MailUsers mailUsers;
    private final RecipientRewriteTable rules;
    private final MailRouting routing;
    private final MailboxLimits limits;
    private final OmaSessions sessions;
    private final ReservedLocalParts reservedLocalParts;
    private final Clock clock;
    private final Duration retention;

    @Inject
    public OmaUsers(HostedUserStore store, HostedDomainStore domains, MailUsers mailUsers, RecipientRewriteTable rules, MailRouting routing,
                    MailboxLimits limits, OmaSessions sessions, ReservedLocalParts reservedLocalParts, Clock clock,
                    PostyardSettings settings) {
        this.reservedLocalParts = reservedLocalParts;
        this.store = store;
        this.domains = domains;
        this.mailUsers = mailUsers;
        this.rules = rules;
        this.routing = routing;
        this.limits = limits;
        this.sessions = sessions;
        this.clock = clock;
        this.retention = settings.getDuration(OmaSettings.DELETED_RETENTION);
    }

    public Optional<HostedUser> get(Username name) {
        return store.get(name);
    }

    public List<HostedUser> list(Domain domain) {
        return store.list(domain);
    }

    /** The user an address is an alias of, if it is one. */
    public Optional<Username> aliasTarget(Username address) {
        try {
            return rules.getStoredMappings(MappingSource.fromUser(address)).select(Mapping.Type.Alias).asStream()
                .findFirst().map(mapping -> Username.of(mapping.getMappingValue()));
        } catch (RecipientRewriteTableException e) {
            throw new IllegalStateException("James could not read its rewrite rules", e);
        }
    }

    /** {@code reachable}: the domains the caller administers, which alone its aliases may be in. */
    public HostedUser create(HostedDomain domain, Username name, Map<String, Object> attributes, Predicate<Domain> reachable) {
        String password = Optional.ofNullable((String) attributes.get(UserAttributes.PASSWORD))
            .orElseThrow(() -> OmaException.badAttribute("A new user needs a password"));
        checkPassword(name, password);
        reservedLocalParts.check(name.getLocalPart(), OmaException::badAttribute);
        checkAliases(name, domain.company(), UserAttributes.list(attributes, UserAttributes.ALIASES), reachable);
        if (isTaken(name)) {
            throw OmaException.exists("User " + name.asString() + " already exists");
        }
        HostedUser user = new HostedUser(name, domain.company(), status(attributes).orElse(UserStatus.ACTIVE), AdminRole.NONE,
            stored(Map.of(), attributes), clock.instant(), Optional.empty(), Optional.empty());
        if (!store.insertIfAbsent(user)) {
            throw OmaException.exists("User " + name.asString() + " already exists");
        }
        createMailUser(name, password);
        apply(user, attributes);
        return user;
    }

    public HostedUser change(HostedUser user, Map<String, Object> attributes, Predicate<Domain> reachable) {
        Optional<String> password = Optional.ofNullable((String) attributes.get(UserAttributes.PASSWORD));
        password.ifPresent(value -> checkPassword(user.name(), value));
        if (attributes.containsKey(UserAttributes.ALIASES)) {
            checkAliases(user.name(), user.company(), UserAttributes.list(attributes, UserAttributes.ALIASES), reachable);
        }
        HostedUser changed = user.withAttributes(stored(user.attributes(), attributes));
        changed = status(attributes).map(changed::withStatus).orElse(changed);
        if (password.isPresent()) {
            mailUsers.setPassword(user.name(), password.get());
            changed = forgetFormerName(changed);
        }
        store.save(changed);
        apply(changed, attributes);
        return changed;
    }

    public HostedUser setRole(HostedUser user, AdminRole role) {
        HostedUser changed = user.withRole(role);
        store.save(changed);
        return changed;
    }

    /** Out of service at once: no login, no mail, tokens revoked; its mail is kept for {@link #restore}. */
    public HostedUser delete(HostedUser user) {
        HostedUser deleted = user.deleted(clock.instant());
        store.save(deleted);
        routing.clear(user.name());
        sessions.revokeAll(user.name().asString());
        return deleted;
    }

    public boolean isRestorable(HostedUser user) {
        return user.deletedAt().map(at -> at.plus(retention).isAfter(clock.instant())).orElse(false);
    }

    public HostedUser restore(HostedUser user, Predicate<Domain> reachable) {
        if (!isRestorable(user)) {
            throw OmaException.notFound("User " + user.name().asString() + " is not deleted, or no longer restorable");
        }
        checkAliases(user.name(), user.company(), UserAttributes.list(user.attributes(), UserAttributes.ALIASES), reachable);
        HostedUser restored = user.restored();
        store.save(restored);
        apply(restored, restored.attributes());
        return restored;
    }

    /**
     * The user under a new name in the same domain, with its mail, folders and settings. James salts password hashes
     * with the name, so the old name keeps the password until the first login under the new one moves it.
     */
    public HostedUser rename(HostedUser user, Username newName) {
        if (!user.domain().equals(newName.getDomainPart().orElseThrow())) {
            throw OmaException.badAttribute("A user can only be renamed within its domain");
        }
        reservedLocalParts.check(newName.getLocalPart(), OmaException::badAttribute);
        if (isTaken(newName)) {
            throw OmaException.exists("User " + newName.asString() + " already exists");
        }
        HostedUser renamed = user.renamed(newName, Optional.of(user.formerName().orElse(user.name())));
        if (!store.insertIfAbsent(renamed)) {
            throw OmaException.exists("User " + newName.asString() + " already exists");
        }
        createMailUser(newName, unusablePassword());
        mailUsers.moveMail(user.name(), newName);
        routing.clear(user.name());
        limits.removeAll(user.name());
        sessions.revokeAll(user.name().asString());
        store.delete(user.name());
        apply(renamed, renamed.attributes());
        return renamed;
    }

    /** Removes for good: James user, mail, rules, quota, autoresponder. */
    public void purge(HostedUser user) {
        mailUsers.delete(user.name());
        user.formerName().ifPresent(mailUsers::delete);
        sessions.revokeAll(user.name().asString());
        store.delete(user.name());
    }

    private HostedUser forgetFormerName(HostedUser user) {
        user.formerName().ifPresent(mailUsers::delete);
        return user.renamed(user.name(), Optional.empty());
    }

    private void apply(HostedUser user, Map<String, Object> changed) {
        Map<String, Object> attributes = user.attributes();
        if (changed.keySet().stream().anyMatch(UserAttributes.ROUTING::contains)) {
            routing.setAliases(user.name(), UserAttributes.list(attributes, UserAttributes.ALIASES).stream().map(OmaNames::user).toList());
            boolean forward = UserAttributes.flag(attributes, UserAttributes.DELIVERY_FORWARD, false);
            routing.setForwards(user.name(), forward ? UserAttributes.list(attributes, UserAttributes.FORWARD_RECIPIENTS) : List.of(),
                UserAttributes.flag(attributes, UserAttributes.DELIVERY_MAILBOX, true));
        }
        if (changed.containsKey(UserAttributes.QUOTA)) {
            limits.setUserQuota(user.name(), Optional.ofNullable((Long) attributes.get(UserAttributes.QUOTA)));
        }
        if (changed.keySet().stream().anyMatch(UserAttributes.AUTORESPONSE::contains)) {
            limits.setAutoresponder(user.name(), UserAttributes.flag(attributes, UserAttributes.DELIVERY_AUTORESPONDER, false),
                UserAttributes.text(attributes, UserAttributes.AUTORESPONDER_SUBJECT), UserAttributes.text(attributes, UserAttributes.AUTORESPONDER),
                Optional.ofNullable((Long) attributes.get(UserAttributes.AUTORESPONDER_END))
                    .map(epoch -> Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC)));
        }
    }

    private static Map<String, Object> stored(Map<String, Object> current, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(changes);
        merged.remove(UserAttributes.PASSWORD);
        merged.remove(UserAttributes.STATUS);
        return merged;
    }

    private static Optional<UserStatus> status(Map<String, Object> attributes) {
        return Optional.ofNullable((String) attributes.get(UserAttributes.STATUS)).flatMap(UserStatus::parse);
    }

    private void checkPassword(Username name, String password) {
        String local = name.getLocalPart();
        String domainLabel = name.getDomainPart().orElseThrow().asString().split("\\.")[0];
        if (UserAttributes.containsOwnName(password, local, domainLabel)) {
            throw OmaException.badAttribute("Attribute password must not contain the mailbox or domain name");
        }
    }

    /**
     * Aliases live in the company's domains that the caller administers, are no role address, and belong to no one
     * else, user or alias: an alias is mail delivered to this user instead of whoever the address is.
     */
    private void checkAliases(Username owner, String company, List<String> aliases, Predicate<Domain> reachable) {
        for (String value : aliases) {
            Username alias = OmaNames.user(value);
            if (alias.equals(owner)) {
                throw OmaException.badAttribute("A user cannot be its own alias");
            }
            if (!reachable.test(alias.getDomainPart().orElseThrow())) {
                throw OmaException.noPermission();
            }
            reservedLocalParts.check(alias.getLocalPart(), OmaException::badAttribute);
            if (isTaken(alias) || aliasTarget(alias).filter(target -> !target.equals(owner)).isPresent()) {
                throw OmaException.exists("Address " + alias.asString() + " is already in use");
            }
            if (!inCompanyDomain(alias, company)) {
                throw OmaException.badAttribute("Alias " + alias.asString() + " is not in a domain of the company");
            }
        }
    }

    private boolean inCompanyDomain(Username alias, String company) {
        return domains.get(alias.getDomainPart().orElseThrow())
            .filter(domain -> domain.company().equals(company) && !domain.isDeleted())
            .isPresent();
    }

    private boolean isTaken(Username name) {
        return store.get(name).isPresent() || store.byFormerName(name).isPresent() || mailUsers.exists(name);
    }

    /** The James user of a record just stored; the record goes again when James has the name already. */
    private void createMailUser(Username name, String password) {
        try {
            mailUsers.create(name, password);
        } catch (MailUserExistsException e) {
            store.delete(name);
            throw OmaException.exists("User " + name.asString() + " already exists");
        } catch (RuntimeException e) {
            store.delete(name);
            throw e;
        }
    }


    /** Until the first login moves the former name's password here, no password opens the new name. */
    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

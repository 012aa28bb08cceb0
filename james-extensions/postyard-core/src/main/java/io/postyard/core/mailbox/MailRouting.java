package io.postyard.core.mailbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;

/**
 * A user's and a domain's routing, written as James recipient rewrite rules: aliases of a user, its forwards (with a
 * copy kept in the mailbox by forwarding to itself too, as James does), and aliases of a domain.
 */
public class MailRouting {
    private final RecipientRewriteTable rules;

    @Inject
    public MailRouting(RecipientRewriteTable rules) {
        this.rules = rules;
    }

    public void setAliases(Username user, List<Username> aliases) {
        run(() -> {
            Mapping target = Mapping.alias(user.asString());
            Set<MappingSource> wanted = aliases.stream().map(MappingSource::fromUser).collect(Collectors.toSet());
            Set<MappingSource> existing = rules.listSources(target).collect(Collectors.toSet());
            for (MappingSource source : existing) {
                if (!wanted.contains(source)) {
                    rules.removeAliasMapping(source, user.asString());
                }
            }
            for (MappingSource source : wanted) {
                if (!existing.contains(source)) {
                    rules.addAliasMapping(source, user.asString());
                }
            }
        });
    }

    /** Forwards to {@code recipients}; {@code keepCopy} also delivers to the mailbox. No recipients, no forwarding. */
    public void setForwards(Username user, List<String> recipients, boolean keepCopy) {
        run(() -> {
            MappingSource source = MappingSource.fromUser(user);
            Set<String> wanted = new LinkedHashSet<>(recipients);
            if (!wanted.isEmpty() && keepCopy) {
                wanted.add(user.asString());
            }
            Set<String> existing = rules.getStoredMappings(source).select(Mapping.Type.Forward).asStream()
                .map(Mapping::getMappingValue).collect(Collectors.toSet());
            for (String destination : existing) {
                if (!wanted.contains(destination)) {
                    rules.removeForwardMapping(source, destination);
                }
            }
            for (String destination : wanted) {
                if (!existing.contains(destination)) {
                    rules.addForwardMapping(source, destination);
                }
            }
        });
    }

    public void clear(Username user) {
        setAliases(user, List.of());
        setForwards(user, List.of(), false);
    }

    public void setDomainAliases(Domain domain, Set<Domain> wanted, Set<Domain> existing) {
        run(() -> {
            for (Domain alias : existing) {
                if (!wanted.contains(alias)) {
                    rules.removeDomainAliasMapping(MappingSource.fromDomain(alias), domain);
                }
            }
            for (Domain alias : wanted) {
                if (!existing.contains(alias)) {
                    rules.addDomainAliasMapping(MappingSource.fromDomain(alias), domain);
                }
            }
        });
    }

    private interface RuleChange {
        void run() throws RecipientRewriteTableException;
    }

    private static void run(RuleChange change) {
        try {
            change.run();
        } catch (RecipientRewriteTableException e) {
            throw new IllegalStateException("James refused a recipient rewrite rule", e);
        }
    }
}

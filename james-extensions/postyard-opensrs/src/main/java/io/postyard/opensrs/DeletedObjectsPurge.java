package io.postyard.opensrs;

import java.time.Clock;
import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.job.TimedJob;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.opensrs.store.HostedUserStore;

/**
 * Removes for good the users and domains deleted longer ago than {@code POSTYARD_OMA_DELETED_RETENTION}, with their
 * mail, and forgets expired tokens.
 */
public class DeletedObjectsPurge implements TimedJob {
    private static final int BATCH = 1000;

    private final HostedUserStore userStore;
    private final OmaUsers users;
    private final OmaDomains domains;
    private final OmaCompanies companies;
    private final OmaSessions sessions;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;

    @Inject
    public DeletedObjectsPurge(HostedUserStore userStore, OmaUsers users, OmaDomains domains, OmaCompanies companies, OmaSessions sessions,
                               Clock clock, PostyardSettings settings) {
        this.userStore = userStore;
        this.users = users;
        this.domains = domains;
        this.companies = companies;
        this.sessions = sessions;
        this.clock = clock;
        this.retention = settings.getDuration(OmaSettings.DELETED_RETENTION);
        this.interval = settings.getDuration(OmaSettings.PURGE_INTERVAL);
    }

    @Override
    public String name() {
        return "oma-deleted-objects-purge";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        userStore.deletedBefore(clock.instant().minus(retention), BATCH).forEach(users::purge);
        companies.list().forEach(company -> domains.list(company.id()).stream()
            .filter(domain -> domain.isDeleted() && !domains.isRestorable(domain))
            .forEach(domain -> domains.purge(domain, company)));
        sessions.removeExpired();
    }
}

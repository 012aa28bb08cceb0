package io.postyard.opensrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HostedUserStore} does. Each test uses a domain of its own. Retention scans see every user of the
 * store, so each test that deletes users places the deletions in a year no other test uses, the earliest belonging to
 * the test of the scan's limit.
 */
public abstract class HostedUserStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final String company = "co-" + UUID.randomUUID();
    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract HostedUserStore store();

    private Username name(String localPart) {
        return Username.fromLocalPartWithDomain(localPart, domain);
    }

    private HostedUser user(String localPart) {
        return new HostedUser(name(localPart), company, UserStatus.ACTIVE, AdminRole.NONE, Map.of("quota", 2048L, "forward", List.of()),
            T0, Optional.empty(), Optional.empty());
    }

    @Test
    void aUserComesBackWithEverythingItHolds() {
        HostedUser user = new HostedUser(name("admin"), company, UserStatus.SUSPENDED, AdminRole.domains(Set.of(domain.asString(), "b.test")),
            Map.of("title", "Boss", "autoresponder", true, "aliases", List.of("boss@" + domain.asString())), T0, Optional.empty(),
            Optional.empty());

        assertThat(store().insertIfAbsent(user)).isTrue();

        assertThat(store().get(user.name())).contains(user);
        assertThat(store().get(name("nobody"))).isEmpty();
    }

    @Test
    void theFirstInsertOfANameWins() {
        store().insertIfAbsent(user("ann"));

        assertThat(store().insertIfAbsent(user("ann").withRole(AdminRole.company(company)))).isFalse();
        assertThat(store().get(name("ann"))).contains(user("ann"));
    }

    @Test
    void saveReplacesTheUser() {
        store().insertIfAbsent(user("ann"));
        HostedUser changed = user("ann").withStatus(UserStatus.SUSPENDED).withAttributes(Map.of("quota", 1L));

        store().save(changed);

        assertThat(store().get(name("ann"))).contains(changed);
        assertThat(store().list(domain)).containsExactly(changed);
    }

    @Test
    void theDomainsUsersAreListedByNameDeletedOnesIncluded() {
        store().insertIfAbsent(user("carl"));
        store().insertIfAbsent(user("ann"));
        store().insertIfAbsent(user("bob").deleted(T0));

        assertThat(store().list(domain)).extracting(user -> user.name().getLocalPart()).containsExactly("ann", "bob", "carl");
        assertThat(store().list(Domain.of(UUID.randomUUID() + ".contract.test"))).isEmpty();
    }

    @Test
    void aRenamedUserIsFoundByItsFormerNameUntilThePasswordHasMoved() {
        HostedUser renamed = user("ann").renamed(name("anna"), Optional.of(name("ann")));
        store().insertIfAbsent(renamed);

        assertThat(store().byFormerName(name("ann"))).contains(renamed);
        assertThat(store().byFormerName(name("anna"))).isEmpty();

        HostedUser moved = renamed.renamed(name("anna"), Optional.empty());
        store().save(moved);

        assertThat(store().byFormerName(name("ann"))).isEmpty();
        assertThat(store().get(name("anna"))).contains(moved);
    }

    @Test
    void aDeletedUserWhoseRecordIsRemovedHasNoFormerName() {
        HostedUser renamed = user("bob").renamed(name("robert"), Optional.of(name("bob")));
        store().insertIfAbsent(renamed);

        store().delete(renamed.name());

        assertThat(store().byFormerName(name("bob"))).isEmpty();
        assertThat(store().get(renamed.name())).isEmpty();
        assertThat(store().list(domain)).isEmpty();
    }

    @Test
    void usersDeletedBeforeAnInstantAreDueForPurge() {
        Instant deletion = Instant.parse("1981-06-01T10:00:00.500Z");
        store().insertIfAbsent(user("early").deleted(deletion.minusSeconds(86_400 * 3)));
        store().insertIfAbsent(user("exact"));
        store().save(user("exact").deleted(deletion));
        store().insertIfAbsent(user("active"));

        assertThat(store().deletedBefore(deletion.plusMillis(1), 100)).filteredOn(user -> user.domain().equals(domain))
            .extracting(user -> user.name().getLocalPart()).containsExactlyInAnyOrder("early", "exact");
        assertThat(store().deletedBefore(deletion, 100)).filteredOn(user -> user.domain().equals(domain))
            .extracting(user -> user.name().getLocalPart()).containsExactly("early");
    }

    @Test
    void aRestoredUserIsNoLongerDueForPurge() {
        Instant deletion = Instant.parse("1982-06-01T10:00:00Z");
        store().insertIfAbsent(user("back").deleted(deletion));

        store().save(user("back").deleted(deletion).restored());

        assertThat(store().deletedBefore(deletion.plusSeconds(1), 100)).filteredOn(user -> user.domain().equals(domain)).isEmpty();
        assertThat(store().get(name("back"))).hasValueSatisfying(user -> assertThat(user.isDeleted()).isFalse());
    }

    @Test
    void aRetentionScanReturnsAtMostTheLimit() {
        Instant deletion = Instant.parse("1980-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            store().insertIfAbsent(user("gone" + i).deleted(deletion.plusSeconds(i * 86_400L)));
        }

        assertThat(store().deletedBefore(deletion.plusSeconds(3 * 86_400L), 2)).hasSize(2).allMatch(user -> user.domain().equals(domain));
        assertThat(store().deletedBefore(deletion.plusSeconds(3 * 86_400L), 5)).hasSize(3);
    }

    @Test
    void aRemovedUserIsGone() {
        store().insertIfAbsent(user("gone").deleted(Instant.parse("1983-01-01T00:00:00Z")));
        store().insertIfAbsent(user("kept"));

        store().delete(name("gone"));
        store().delete(name("never"));

        assertThat(store().get(name("gone"))).isEmpty();
        assertThat(store().list(domain)).extracting(HostedUser::name).containsExactly(name("kept"));
        assertThat(store().deletedBefore(Instant.parse("1984-01-01T00:00:00Z"), 100)).filteredOn(user -> user.domain().equals(domain))
            .isEmpty();
        assertThat(store().insertIfAbsent(user("gone"))).isTrue();
    }
}

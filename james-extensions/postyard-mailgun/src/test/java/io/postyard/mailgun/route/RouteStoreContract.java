package io.postyard.mailgun.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link RouteStore} does. Each test uses an account of its own. */
public abstract class RouteStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract RouteStore store();

    private MailgunRoute route(String id, int priority, Instant createdAt) {
        return new MailgunRoute(id, account, priority, "route " + id, "match_recipient(\".*@" + id + ".test\")",
            List.of("forward(\"https://hooks.example/" + id + "\")", "stop()"), createdAt);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    @Test
    void anInsertedRouteComesBackOnlyToItsAccount() {
        MailgunRoute route = route(id(), 1, T0);

        store().insert(route);

        assertThat(store().get(account, route.id())).contains(route);
        assertThat(store().get(new AccountId("someone-else"), route.id())).isEmpty();
    }

    @Test
    void routesAreListedByPriorityThenCreation() {
        MailgunRoute late = route(id(), 0, T0.plusSeconds(60));
        MailgunRoute first = route(id(), 0, T0);
        MailgunRoute low = route(id(), 5, T0.minusSeconds(60));
        store().insert(late);
        store().insert(low);
        store().insert(first);

        assertThat(store().list(account)).containsExactly(first, late, low);
        assertThat(store().list(new AccountId("someone-else-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void anUpdateReplacesTheRouteAndAnUnknownOneIsNotCreated() {
        MailgunRoute route = route(id(), 1, T0);
        store().insert(route);
        MailgunRoute changed = new MailgunRoute(route.id(), account, 9, "changed", "catch_all()", List.of("store()"), T0);

        assertThat(store().update(changed)).isTrue();
        assertThat(store().get(account, route.id())).contains(changed);
        assertThat(store().update(route(id(), 1, T0))).isFalse();
        assertThat(store().list(account)).containsExactly(changed);
    }

    @Test
    void aDeletedRouteIsGone() {
        MailgunRoute route = route(id(), 1, T0);
        store().insert(route);

        assertThat(store().delete(account, route.id())).isTrue();
        assertThat(store().delete(account, route.id())).isFalse();
        assertThat(store().get(account, route.id())).isEmpty();
    }
}

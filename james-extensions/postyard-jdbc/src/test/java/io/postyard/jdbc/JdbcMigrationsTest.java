package io.postyard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.Account;
import io.postyard.core.account.AccountId;

class JdbcMigrationsTest {
    private static JdbcConfiguration inMemory(String name) {
        return new JdbcConfiguration("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty(), 2);
    }

    @Test
    void aDatabaseOpenedAgainKeepsItsDataAndAppliesNoMigrationTwice() {
        PostyardDatabase first = new PostyardDatabase(inMemory("reopened"), List.of(JdbcAccountStore.SCHEMA));
        Account account = new Account(new AccountId("acct-kept"), "Kept", Instant.ofEpochMilli(1_000));
        new JdbcAccountStore(first.jdbi()).save(account);

        PostyardDatabase second = new PostyardDatabase(inMemory("reopened"), List.of(JdbcAccountStore.SCHEMA));

        // Running V1 again would fail on the existing table: opening succeeded, so it was not.
        assertThat(new JdbcAccountStore(second.jdbi()).get(account.id())).contains(account);
        first.close();
        second.close();
    }
}

package io.postyard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.postyard.core.time.SettableClock;

import io.postyard.core.account.AccountId;

class ConsoleSessionsTest {
    private final SettableClock clock = new SettableClock();
    private final ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), clock);

    @Test
    void aSessionLastsWhileItIsUsedAndEndsAfterItsIdleTime() {
        ConsoleSession session = sessions.open(AccountId.DEFAULT);

        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(session.id())).isPresent();
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(session.id())).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void sessionsHaveUnguessableIdsAndTokensOfTheirOwn() {
        ConsoleSession first = sessions.open(AccountId.DEFAULT);
        ConsoleSession second = sessions.open(new AccountId("other"));

        assertThat(first.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.id());
        assertThat(first.csrfToken()).isNotEqualTo(first.id()).isNotEqualTo(second.csrfToken());
        assertThat(sessions.find(second.id()).orElseThrow().account()).isEqualTo(new AccountId("other"));
    }

    @Test
    void aClosedSessionIsGone() {
        ConsoleSession session = sessions.open(AccountId.DEFAULT);

        sessions.close(session.id());

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
    }
}

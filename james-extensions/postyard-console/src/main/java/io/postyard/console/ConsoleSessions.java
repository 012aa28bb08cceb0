package io.postyard.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.core.settings.PostyardSettings;

/**
 * The console's sessions, in this node's memory: a restart signs everyone out, and behind a load balancer the console
 * needs sticky sessions (docs/console.md). A session ends after {@link ConsoleSettings#SESSION_IDLE} without a request.
 */
public class ConsoleSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    @Inject
    public ConsoleSessions(PostyardSettings settings, Clock clock) {
        this(settings.getDuration(ConsoleSettings.SESSION_IDLE), clock);
    }

    public ConsoleSessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    public ConsoleSession open(AccountId account) {
        sessions.values().removeIf(session -> expired(session));
        ConsoleSession session = new ConsoleSession(token(), account, token(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of this id, marked as used now. */
    public Optional<ConsoleSession> find(String id) {
        return Optional.ofNullable(sessions.computeIfPresent(id, (key, session) -> expired(session) ? null : session.seenAt(clock.instant())));
    }

    public void close(String id) {
        sessions.remove(id);
    }

    private boolean expired(ConsoleSession session) {
        return session.lastSeenAt().plus(idle).isBefore(clock.instant());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

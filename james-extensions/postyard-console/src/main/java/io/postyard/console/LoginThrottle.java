package io.postyard.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;

/**
 * Locks out an address after {@link ConsoleSettings#LOCKOUT_FAILURES} failed sign-ins within the lockout duration,
 * until that duration has passed since the last of them: guessing a password or a key becomes too slow to matter.
 */
public class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    public LoginThrottle(PostyardSettings settings, Clock clock) {
        this(settings.getInt(ConsoleSettings.LOCKOUT_FAILURES), settings.getDuration(ConsoleSettings.LOCKOUT_DURATION), clock);
    }

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public boolean isLocked(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= maxFailures;
        }
    }

    public void failed(String address) {
        Deque<Instant> recent = failures.computeIfAbsent(address, any -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
        }
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant since = clock.instant().minus(window);
        // Failures count from the last one: a locked address stays locked for the whole window after it.
        if (!recent.isEmpty() && recent.peekLast().isBefore(since)) {
            recent.clear();
        }
    }
}

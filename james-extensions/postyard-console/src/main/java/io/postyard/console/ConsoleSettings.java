package io.postyard.console;

import io.postyard.core.settings.Setting;

/** The console's settings, documented in {@code docs/configuration.md} and {@code docs/console.md}. */
public final class ConsoleSettings {
    /** The operator's password; empty: only the primary key signs in. A secret by its name: never logged. */
    public static final Setting PASSWORD = new Setting("console.password", "");
    /** How long a session lasts without a request. */
    public static final Setting SESSION_IDLE = new Setting("console.session.idle", "30m");
    /** Failed sign-ins from one address before it is locked out, and for how long. */
    public static final Setting LOCKOUT_FAILURES = new Setting("console.lockout.failures", "10");
    public static final Setting LOCKOUT_DURATION = new Setting("console.lockout.duration", "15m");

    private ConsoleSettings() {
    }
}

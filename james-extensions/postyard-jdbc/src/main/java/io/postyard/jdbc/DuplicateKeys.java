package io.postyard.jdbc;

import java.sql.SQLException;

/** Tells a write refused for a key already taken (SQL state 23505, on H2 and PostgreSQL alike) from other failures. */
public final class DuplicateKeys {
    private static final String UNIQUE_VIOLATION = "23505";

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private DuplicateKeys() {
    }
}

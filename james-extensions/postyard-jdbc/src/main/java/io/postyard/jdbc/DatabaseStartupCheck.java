package io.postyard.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens the configured database once before the server starts, so that the failures an operator can fix (another
 * process holds the embedded database, its file is damaged, PostgreSQL is away or refuses the user) stop start-up with
 * one sentence that says what to do, not with the stack trace of whichever component touched the database first.
 */
public final class DatabaseStartupCheck {
    /** H2's "database may be already in use". */
    private static final int H2_LOCKED = 90020;
    /** H2's "file corrupted", "file version error" and "file encrypted or not a database". */
    private static final int[] H2_DAMAGED = {90030, 90048, 90049};

    private DatabaseStartupCheck() {
    }

    /** Why the database cannot be used, in one sentence; empty when it opens. */
    public static Optional<String> problem(JdbcConfiguration configuration) {
        Properties credentials = new Properties();
        configuration.username().ifPresent(user -> credentials.setProperty("user", user));
        configuration.password().ifPresent(password -> credentials.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(configuration.url(), credentials)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(explain(configuration, e));
        } catch (RuntimeException e) {
            // H2 reports some damage to its file as an unchecked MVStoreException.
            return Optional.of(damaged(configuration, e));
        }
    }

    private static String explain(JdbcConfiguration configuration, SQLException failure) {
        String where = configuration.printableUrl();
        String state = Optional.ofNullable(failure.getSQLState()).orElse("");
        if (failure.getErrorCode() == H2_LOCKED) {
            return "The database " + where + " is in use by another process, most likely another Postyard on the same data "
                + "directory: stop that one, or give this one a data directory of its own (POSTYARD_DATA_DIR).";
        }
        for (int damagedCode : H2_DAMAGED) {
            if (failure.getErrorCode() == damagedCode) {
                return damaged(configuration, failure);
            }
        }
        if (state.startsWith("28")) {
            return "The database " + where + " refused the user and password Postyard gave (jdbc.username, jdbc.password: "
                + firstLine(failure) + ").";
        }
        if (state.startsWith("08") || state.startsWith("3D")) {
            return "Postyard could not reach the database " + where + " (" + firstLine(failure) + "): check that it runs, "
                + "that the database exists, and jdbc.url.";
        }
        return "Postyard could not open the database " + where + ": " + firstLine(failure) + ".";
    }

    private static String damaged(JdbcConfiguration configuration, Exception failure) {
        return "The database " + configuration.printableUrl() + " cannot be read (" + firstLine(failure) + "): restore the "
            + "last backup with ./postyard restore DIR (docs/deployment.md, Backup and restore).";
    }

    private static String firstLine(Exception failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}

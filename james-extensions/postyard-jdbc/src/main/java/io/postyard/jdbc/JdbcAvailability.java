package io.postyard.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.storage.FullDisk;
import io.postyard.core.storage.StorageAvailability;

/**
 * Tells the SQL database being away or unable to write (no connection within the pool's timeout, a broken
 * connection, a full disk, a database shutting down) from a failure of the request itself, so that mail meeting the
 * first is kept and tried again, and the APIs answer 503.
 */
public class JdbcAvailability implements StorageAvailability {
    /** SQL state classes: 08 connection exceptions, 53 insufficient resources (PostgreSQL's disk full), 57 operator intervention. */
    private static final List<String> OUTAGE_STATES = List.of("08", "53", "57");
    /** H2's error codes for a file it cannot read or write, and for a database closed under it. */
    private static final Set<Integer> H2_OUTAGES = Set.of(90028, 90031, 90098, 90100, 90121);
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final PostyardDatabase database;

    @Inject
    public JdbcAvailability(PostyardDatabase database) {
        this.database = database;
    }

    @Override
    public boolean isOutage(Throwable failure) {
        if (FullDisk.isCause(failure)) {
            return true;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isReachable() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isOutage(SQLException failure) {
        String state = failure.getSQLState();
        boolean outageState = state != null && OUTAGE_STATES.stream().anyMatch(state::startsWith);
        return outageState || H2_OUTAGES.contains(failure.getErrorCode());
    }
}

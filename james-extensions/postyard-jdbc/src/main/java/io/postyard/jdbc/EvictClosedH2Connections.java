package io.postyard.jdbc;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * H2 closes its database when a write to its file fails (a full disk): every pooled connection then answers "the
 * database has been closed" for ever, under SQL states the pool does not know as fatal. Evicting them lets the next
 * connection open the database again from its file, so the node recovers by itself once there is space.
 */
public class EvictClosedH2Connections implements SQLExceptionOverride {
    /** H2's "database has been closed", "IO exception" and "database called at VM shutdown". */
    private static final Set<Integer> CLOSED_DATABASE = Set.of(90098, 90028, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return CLOSED_DATABASE.contains(failure.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}

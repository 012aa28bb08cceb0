package io.postyard.cassandra;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;

import io.postyard.core.storage.FullDisk;
import io.postyard.core.storage.StorageAvailability;

/**
 * Cassandra (Postyard's stores and James's alike) is away when the driver finds no node, times out, or a coordinator
 * answers that it could not reach the replicas in time; a query Cassandra rejects (syntax, schema, rights) is not an
 * outage, and neither is anything outside the driver.
 */
public class CassandraAvailability implements StorageAvailability {
    private static final List<Class<? extends DriverException>> OUTAGES = List.of(
        AllNodesFailedException.class, DriverTimeoutException.class, RequestThrottlingException.class,
        BusyConnectionException.class, ClosedConnectionException.class, ConnectionInitException.class,
        HeartbeatException.class, QueryExecutionException.class, OverloadedException.class,
        BootstrappingException.class, ServerError.class);
    private static final SimpleStatement PROBE = SimpleStatement.newInstance("SELECT release_version FROM system.local")
        .setTimeout(Duration.ofSeconds(2));

    private final CqlSession session;

    @Inject
    public CassandraAvailability(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
    }

    @Override
    public boolean isOutage(Throwable failure) {
        if (FullDisk.isCause(failure)) {
            return true;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            Throwable candidate = cause;
            if (OUTAGES.stream().anyMatch(outage -> outage.isInstance(candidate))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isReachable() {
        try {
            session.execute(PROBE);
            return true;
        } catch (DriverException e) {
            return false;
        }
    }
}

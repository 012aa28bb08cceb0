package io.postyard.cassandra;

import java.time.Instant;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/**
 * Which time buckets of a scope may hold rows, in one small partition per scope. A scan over time lists them first
 * and reads only those partitions, so a range of years costs as many reads as it has busy buckets, not one per hour.
 * Writers add a bucket before they write into it, so a bucket is never missed; a bucket listed but empty only costs
 * one read until its owner removes it.
 */
public final class TimeBuckets {
    public static final SchemaMigration SCHEMA = new SchemaMigration("time_buckets", 1, List.of(
        "CREATE TABLE IF NOT EXISTS time_buckets (scope text, bucket timestamp, PRIMARY KEY (scope, bucket))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement deleteScope;
    private final PreparedStatement ascending;
    private final PreparedStatement descending;
    private final PreparedStatement all;

    public TimeBuckets(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO time_buckets (scope, bucket) VALUES (?, ?)");
        this.delete = session.prepare("DELETE FROM time_buckets WHERE scope = ? AND bucket = ?");
        this.deleteScope = session.prepare("DELETE FROM time_buckets WHERE scope = ?");
        this.ascending = session.prepare("SELECT bucket FROM time_buckets WHERE scope = ? AND bucket >= ? AND bucket <= ?");
        this.descending = session.prepare("SELECT bucket FROM time_buckets WHERE scope = ? AND bucket >= ? AND bucket <= ? "
            + "ORDER BY bucket DESC");
        this.all = session.prepare("SELECT bucket FROM time_buckets WHERE scope = ?");
    }

    public void add(String scope, Instant bucket) {
        session.execute(insert.bind(scope, bucket));
    }

    /** The scope's buckets from {@code first} to {@code last}, both included. */
    public List<Instant> between(String scope, Instant first, Instant last, boolean newestFirst) {
        return CqlRows.list(session.execute((newestFirst ? descending : ascending).bind(scope, first, last)), row -> row.getInstant("bucket"));
    }

    public List<Instant> all(String scope) {
        return CqlRows.list(session.execute(all.bind(scope)), row -> row.getInstant("bucket"));
    }

    public void remove(String scope, Instant bucket) {
        session.execute(delete.bind(scope, bucket));
    }

    public void removeScope(String scope) {
        session.execute(deleteScope.bind(scope));
    }
}

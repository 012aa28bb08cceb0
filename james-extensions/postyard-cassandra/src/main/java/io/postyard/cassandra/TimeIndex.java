package io.postyard.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Keys of records by an instant (an expiry, a deletion, a creation), partitioned by scope and time bucket so that a
 * scan over time reads bounded partitions: only the buckets {@link TimeBuckets} lists, one slice each. The index only
 * points at records: readers check each record before acting on it, so an entry left behind by an interrupted write
 * is harmless. One table serves every store; a scope names what is indexed.
 * <p>
 * A scan drops from the bucket list a bucket it finds empty, so that scans stay short. A writer lists the bucket both
 * before and after writing its entry, and a scan that dropped a bucket looks into it once more: whichever way a write
 * and a drop interleave, an entry is never left in a bucket that is not listed.
 */
public final class TimeIndex {
    public static final SchemaMigration SCHEMA = new SchemaMigration("time_index", 1, List.of(
        "CREATE TABLE IF NOT EXISTS time_index (scope text, bucket timestamp, at timestamp, key text, "
            + "PRIMARY KEY ((scope, bucket), at, key))"));
    // Most entries are for instants of about now: a bucket is only dropped once it ended this long ago, not while it fills.
    private static final Duration SETTLED = Duration.ofHours(1);

    public record Entry(Instant at, String key) {
    }

    private final CqlSession session;
    private final TimeBucket width;
    private final TimeBuckets buckets;
    private final PreparedStatement insert;
    private final PreparedStatement insertWithTtl;
    private final PreparedStatement delete;
    private final PreparedStatement ascending;
    private final PreparedStatement descending;
    private final PreparedStatement anyInBucket;

    public TimeIndex(CqlSession session, TimeBucket width) {
        this.session = session;
        this.width = width;
        this.buckets = new TimeBuckets(session);
        this.insert = session.prepare("INSERT INTO time_index (scope, bucket, at, key) VALUES (?, ?, ?, ?)");
        this.insertWithTtl = session.prepare("INSERT INTO time_index (scope, bucket, at, key) VALUES (?, ?, ?, ?) USING TTL ?");
        this.delete = session.prepare("DELETE FROM time_index WHERE scope = ? AND bucket = ? AND at = ? AND key = ?");
        this.ascending = session.prepare("SELECT at, key FROM time_index WHERE scope = ? AND bucket = ? AND at >= ? AND at <= ?");
        this.descending = session.prepare("SELECT at, key FROM time_index WHERE scope = ? AND bucket = ? AND at >= ? AND at <= ? "
            + "ORDER BY at DESC, key DESC");
        this.anyInBucket = session.prepare("SELECT key FROM time_index WHERE scope = ? AND bucket = ? LIMIT 1");
    }

    public void add(String scope, Instant at, String key) {
        buckets.add(scope, width.of(at));
        session.execute(insert.bind(scope, width.of(at), at, key));
        buckets.add(scope, width.of(at));
    }

    /** An entry that disappears by itself after {@code ttl}, as the record it points at does. */
    public void add(String scope, Instant at, String key, Duration ttl) {
        buckets.add(scope, width.of(at));
        session.execute(insertWithTtl.bind(scope, width.of(at), at, key, (int) Math.max(1, ttl.toSeconds())));
        buckets.add(scope, width.of(at));
    }

    public void remove(String scope, Instant at, String key) {
        session.execute(delete.bind(scope, width.of(at), at, key));
    }

    /** The entries from {@code from} to {@code to}, both included, read bucket by bucket as the stream is consumed. */
    public Stream<Entry> scan(String scope, Instant from, Instant to, boolean newestFirst) {
        return buckets.between(scope, width.of(from), width.of(to), newestFirst).stream()
            .flatMap(bucket -> entries(scope, bucket, from, to, newestFirst));
    }

    private Stream<Entry> entries(String scope, Instant bucket, Instant from, Instant to, boolean newestFirst) {
        Iterator<Row> rows = session.execute((newestFirst ? descending : ascending).bind(scope, bucket, from, to)).iterator();
        if (!rows.hasNext() && isSettled(bucket) && from.compareTo(bucket) <= 0 && !to.isBefore(width.next(bucket))) {
            buckets.remove(scope, bucket);
            if (session.execute(anyInBucket.bind(scope, bucket)).one() != null) {
                buckets.add(scope, bucket);
            }
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
            .map(row -> new Entry(row.getInstant("at"), row.getString("key")));
    }

    private boolean isSettled(Instant bucket) {
        return width.next(bucket).plus(SETTLED).isBefore(Instant.now());
    }
}

package io.postyard.cassandra;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Records in a table by key, and a full copy of each in the partition of what lists it (its account, company,
 * domain...), clustered in list order, so a list is one slice. Writes go to both in one logged batch, to which a store
 * adds its own statements (lookups, ...); a record saved under another listing key leaves its former place.
 *
 * @param <T> the record
 */
public final class ListedTable<T> {
    /**
     * @param columns every column, as both tables have them, the record table's key first
     * @param listingKey the listing table's primary key columns, its first {@code listingPartition} ones making the partition
     */
    public record Layout(String table, String listing, List<String> listingKey, int listingPartition, String columns) {
    }

    private final CqlSession session;
    private final Function<T, Object[]> values;
    private final Function<T, Object[]> listingKey;
    private final Function<Row, T> record;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement insert;
    private final PreparedStatement insertListed;
    private final PreparedStatement select;
    private final PreparedStatement selectListed;
    private final PreparedStatement delete;
    private final PreparedStatement deleteListed;

    public ListedTable(CqlSession session, Layout layout, Function<T, Object[]> values, Function<T, Object[]> listingKey, Function<Row, T> record) {
        this.session = session;
        this.values = values;
        this.listingKey = listingKey;
        this.record = record;
        String key = layout.columns().substring(0, layout.columns().indexOf(',')).trim();
        String markers = String.join(", ", Collections.nCopies(layout.columns().split(",").length, "?"));
        this.insertIfAbsent = session.prepare("INSERT INTO " + layout.table() + " (" + layout.columns() + ") VALUES (" + markers + ") IF NOT EXISTS");
        this.insert = session.prepare("INSERT INTO " + layout.table() + " (" + layout.columns() + ") VALUES (" + markers + ")");
        this.insertListed = session.prepare("INSERT INTO " + layout.listing() + " (" + layout.columns() + ") VALUES (" + markers + ")");
        this.select = session.prepare("SELECT " + layout.columns() + " FROM " + layout.table() + " WHERE " + key + " = ?");
        this.selectListed = session.prepare("SELECT " + layout.columns() + " FROM " + layout.listing() + " WHERE "
            + conditions(layout.listingKey().subList(0, layout.listingPartition())));
        this.delete = session.prepare("DELETE FROM " + layout.table() + " WHERE " + key + " = ?");
        this.deleteListed = session.prepare("DELETE FROM " + layout.listing() + " WHERE " + conditions(layout.listingKey()));
    }

    private static String conditions(List<String> columns) {
        return String.join(" AND ", columns.stream().map(column -> column + " = ?").toList());
    }

    public Optional<T> get(Object key) {
        return CqlRows.one(session.execute(select.bind(key)), record);
    }

    /** The records listed in one partition of the listing, in its clustering order. */
    public List<T> list(Object... partition) {
        return CqlRows.list(session.execute(selectListed.bind(partition)), record);
    }

    /** Stores the record unless its key is taken, with a lightweight transaction, then lists it; tells whether it was stored. */
    public boolean insertIfAbsent(T stored) {
        if (!session.execute(insertIfAbsent.bind(values.apply(stored))).wasApplied()) {
            return false;
        }
        session.execute(insertListed.bind(values.apply(stored)));
        return true;
    }

    /** A batch writing the record and its listing, taking {@code previous} off its listing when that moved. */
    public BatchStatementBuilder save(T saved, Optional<T> previous) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatements(insert.bind(values.apply(saved)), insertListed.bind(values.apply(saved)));
        previous.map(listingKey).filter(former -> !Arrays.equals(former, listingKey.apply(saved)))
            .ifPresent(former -> batch.addStatement(deleteListed.bind(former)));
        return batch;
    }

    /** A batch deleting the record and its listing. */
    public BatchStatementBuilder delete(T deleted) {
        return BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatements(delete.bind(values.apply(deleted)[0]), deleteListed.bind(listingKey.apply(deleted)));
    }
}

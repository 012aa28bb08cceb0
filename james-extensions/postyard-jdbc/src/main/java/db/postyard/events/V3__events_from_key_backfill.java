package db.postyard.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.postyard.core.event.FromFilter;

/**
 * Fills {@code from_key} (V2) for the events stored before it: the address is parsed as the store parses it, which
 * SQL cannot do. Committed every {@value #BATCH} events, in the order of their ids, so that a database of millions of
 * events is not one transaction; an interrupted run starts again from the beginning and writes the same values.
 */
public class V3__events_from_key_backfill extends BaseJavaMigration {
    private static final int BATCH = 1_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT id, summary_from FROM events WHERE id > ? AND summary_from IS NOT NULL ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY");
             PreparedStatement write = connection.prepareStatement("UPDATE events SET from_key = ? WHERE id = ?")) {
            String after = "";
            Map<String, String> keys;
            do {
                keys = new LinkedHashMap<>();
                read.setString(1, after);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        keys.put(id, FromFilter.addressKey(rows.getString(2)).orElse(null));
                        after = id;
                    }
                }
                for (Map.Entry<String, String> key : keys.entrySet()) {
                    if (key.getValue() != null) {
                        write.setString(1, key.getValue());
                        write.setString(2, key.getKey());
                        write.addBatch();
                    }
                }
                write.executeBatch();
                connection.commit();
            } while (keys.size() == BATCH);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}

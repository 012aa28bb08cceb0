package io.postyard.server.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.jdbc.PostyardDatabase;

/**
 * Columns of James's JPA tables too narrow for what the server stores in them, widened once, after OpenJPA made them.
 * A mail repository keeps a mail's error text in 200 characters, and James's errors quote their exception's message:
 * a storage outage's was 39,068 characters in the full-disk drill, and storing the mail in the error repository failed
 * ("Value too long"). The remote address has 20, under the 39 of a written-out IPv6 address.
 */
final class JamesColumnWidths {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesColumnWidths.class);

    record Column(String table, String name, int length) {
    }

    static final List<Column> WIDER = List.of(
        // H2's longest VARCHAR.
        new Column("JAMES_MAIL_STORE", "ERROR_MESSAGE", 1_000_000),
        new Column("JAMES_MAIL_STORE", "REMOTE_ADDR", 64));

    static void apply(PostyardDatabase database) {
        try {
            widen(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not widen the columns of James's tables", e);
        }
    }

    private static void widen(PostyardDatabase database) throws SQLException {
        database.jdbi().useHandle(handle -> {
            Connection connection = handle.getConnection();
            for (Column column : WIDER) {
                Optional<Integer> length = length(connection.getMetaData(), connection.getSchema(), column);
                if (length.isPresent() && length.get() < column.length()) {
                    handle.execute("ALTER TABLE " + column.table() + " ALTER COLUMN " + column.name() + " SET DATA TYPE VARCHAR(" + column.length() + ")");
                    LOGGER.info("{}.{} widened from {} to {} characters", column.table(), column.name(), length.get(), column.length());
                }
            }
        });
    }

    /** The column's length; PostgreSQL folds the names OpenJPA gave unquoted to lower case. */
    private static Optional<Integer> length(DatabaseMetaData metadata, String schema, Column column) throws SQLException {
        for (String table : List.of(column.table(), column.table().toLowerCase(Locale.ROOT))) {
            String name = table.equals(column.table()) ? column.name() : column.name().toLowerCase(Locale.ROOT);
            try (ResultSet columns = metadata.getColumns(null, schema, table, name)) {
                if (columns.next()) {
                    return Optional.of(columns.getInt("COLUMN_SIZE"));
                }
            }
        }
        return Optional.empty();
    }

    private JamesColumnWidths() {
    }
}

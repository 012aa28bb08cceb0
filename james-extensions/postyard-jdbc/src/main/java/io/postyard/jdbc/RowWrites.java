package io.postyard.jdbc;

import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The writes whose outcome depends on the row already there, in SQL both H2 and PostgreSQL take; for every SQL store. */
public final class RowWrites {
    /**
     * Writes a row whether or not it exists: an UPDATE, then an INSERT when it matched nothing. When two first writes
     * of one row race, the INSERT that loses on a unique key becomes the UPDATE it would have been a moment later.
     */
    public static void upsert(Jdbi jdbi, ToIntFunction<Handle> update, Consumer<Handle> insert) {
        try {
            jdbi.useTransaction(handle -> {
                if (update.applyAsInt(handle) == 0) {
                    insert.accept(handle);
                }
            });
        } catch (RuntimeException e) {
            if (!DuplicateKeys.isCause(e) || jdbi.withHandle(update::applyAsInt) == 0) {
                throw e;
            }
        }
    }

    /** Inserts the row unless a unique key of it is taken; tells whether it was inserted. The database decides races. */
    public static boolean insertIfAbsent(Jdbi jdbi, Consumer<Handle> insert) {
        try {
            jdbi.useHandle(insert::accept);
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKeys.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    private RowWrites() {
    }
}

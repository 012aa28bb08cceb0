package io.postyard.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's own housekeeping for the embedded file database, run here because the server turns H2's background writer off:
 * with {@code WRITE_DELAY=0} every commit is written to the file when it returns (a {@code kill -9} loses no answered
 * mail), and H2 then runs no background thread at all.
 * <p>
 * Without it the file only grows. Each commit writes a chunk of its own (about 20 KB), and a chunk's space is reused
 * only once none of its pages is live; a few long-lived pages keep each chunk. Measured on the server (1 KB mails over
 * SMTP, 4 connections): 2,000 mails made a 63 MB file whose live data compacts to 0.5 MB, and H2 never synced it to
 * disk. With this, every {@link #PERIOD}: what H2's writer does between its commits (rewrite the live pages of the
 * least-filled chunks, move chunks down and truncate the file when it is mostly free; {@code FileStore}'s
 * {@code writeInBackground}, which H2 does not expose, reached by reflection), then a sync to disk. Measured: 8,000
 * mails grew the file to 91 MB while they arrived, and it shrank to 63 MB once they were delivered (30 KB a mail
 * without). A power cut loses at most the commits of the last period; {@link #RETENTION} keeps the chunks the last
 * sync made durable.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(H2Housekeeping.class);
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** How long a chunk no commit needs is kept before its space is reused: a few periods, each ending with a sync. */
    static final Duration RETENTION = Duration.ofSeconds(5);
    private static final Method WRITE_IN_BACKGROUND = writeInBackground();

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "postyard-h2-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Housekeeping for a file database opened with {@code WRITE_DELAY=0}; none for any other. */
    static AutoCloseable start(DataSource dataSource, String url) {
        if (!url.startsWith("jdbc:h2:file:") || !url.contains("WRITE_DELAY=0")) {
            return () -> { };
        }
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource);
        housekeeping.timer.scheduleWithFixedDelay(housekeeping::runOnce, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    void runOnce() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            WRITE_IN_BACKGROUND.invoke(store.getFileStore());
            store.sync();
        } catch (Exception e) {
            // A full disk or a closed database: the next round tries again, as the server's writes do.
            LOGGER.debug("H2 housekeeping skipped: {}", e.toString());
        }
    }

    static MVStore store(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    private static Method writeInBackground() {
        try {
            Method method = FileStore.class.getDeclaredMethod("writeInBackground");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("This H2 has no FileStore.writeInBackground: check H2Housekeeping against its version", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package io.postyard.jdbc;

import java.nio.file.Path;
import java.util.Optional;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Where Postyard's SQL database is: {@code jdbc.url} when set (PostgreSQL for a production node), else an H2 database
 * in files under the data directory, which needs no process of its own.
 */
public record JdbcConfiguration(String url, Optional<String> username, Optional<String> password, int poolSize) {
    public static JdbcConfiguration from(PostyardSettings settings) {
        String url = settings.optional(Setting.JDBC_URL).orElseGet(() -> embeddedUrl(settings.path(Setting.DATA_DIR)));
        return new JdbcConfiguration(url, settings.optional(Setting.JDBC_USERNAME), settings.optional(Setting.JDBC_PASSWORD),
            settings.getInt(Setting.JDBC_POOL_SIZE));
    }

    /**
     * H2 in files: closed by the server, not by a shutdown hook racing it; each commit written to the file before it
     * returns (by default H2 waits up to half a second, which {@code kill -9} would lose); the space of pages no
     * commit needs any more reused after {@link H2Housekeeping#RETENTION} rather than H2's 45 s, as the housekeeping
     * syncs the file to disk every {@link H2Housekeeping#PERIOD}; and {@code VALUE}, which H2 2 reserves, usable as a
     * column name, as James's JPA entities name one.
     */
    static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("postyard-db").resolve("postyard")
            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=" + H2Housekeeping.RETENTION.toMillis()
            + ";NON_KEYWORDS=VALUE";
    }

    /** The URL without its parameters (credentials a user may have written into it, H2's settings), for logs. */
    public String printableUrl() {
        int parameters = url.replace(';', '?').indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}

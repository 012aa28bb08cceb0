package io.postyard.server.backup;

import java.nio.file.Path;

/**
 * Where the embedded profile's data lies under the data directory, and where a backup keeps each part: the SQL
 * database (H2 files), the queue's KahaDB journal and blob files, and the files at the top of the data directory
 * (generated secrets, a keystore).
 */
final class BackupLayout {
    static final String DATABASE_DIRECTORY = "postyard-db";
    static final String DATABASE_ARCHIVE = "postyard-db.zip";
    static final String QUEUE_DIRECTORY = "var/store/activemq";
    static final String MANIFEST = "postyard-backup.properties";

    private BackupLayout() {
    }

    static Path database(Path dataDir) {
        return dataDir.resolve(DATABASE_DIRECTORY);
    }

    static Path queue(Path dataDir) {
        return dataDir.resolve(QUEUE_DIRECTORY);
    }

    /**
     * The queue's files a backup keeps: KahaDB's journals ({@code db-N.log}, the queue's and the scheduler's). Its index
     * ({@code db.data}, {@code db.redo}) is left out: copied while the broker writes it, it could disagree with the
     * journal, and KahaDB rebuilds it from the journal on the first start after a restore.
     */
    static boolean isQueueFileKept(Path file) {
        String name = file.getFileName().toString();
        return !(name.equals("db.data") || name.equals("db.redo") || name.equals("lock"));
    }
}

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
     * The queue's files a backup keeps: KahaDB's journals ({@code db-N.log}, the queue's and the delay scheduler's).
     * Their indexes ({@code db.data}, {@code scheduleDB.data} and their {@code .redo} files) are left out: copied
     * while the broker writes them, they could disagree with the journals, and KahaDB rebuilds them from the journals
     * on the first start after a restore.
     */
    static boolean isQueueFileKept(Path file) {
        String name = file.getFileName().toString();
        return !(name.endsWith(".data") || name.endsWith(".redo") || name.equals("lock"));
    }
}

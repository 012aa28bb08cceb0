package io.postyard.server.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.jdbc.PostyardDatabase;

/**
 * A copy of a running node's data, taken without stopping it: H2's own online backup of the database (a consistent
 * snapshot), then the queue's journal, then the files at the top of the data directory. Mail accepted while the
 * backup runs may be in the copy or not; mail delivered while it runs may be delivered again after a restore (the
 * queue's promise stays at-least-once). On PostgreSQL the database is left to the operator's {@code pg_dump}.
 */
public class OnlineBackup {
    public record Report(Path directory, boolean databaseIncluded, int queueFiles, List<String> dataFiles) {
    }

    private final PostyardDatabase database;
    private final Path dataDir;
    private final Clock clock;

    @Inject
    public OnlineBackup(PostyardDatabase database, PostyardSettings settings, Clock clock) {
        this.database = database;
        this.dataDir = settings.path(Setting.DATA_DIR);
        this.clock = clock;
    }

    /** Into {@code target}, which must be new or empty, so that a backup never mixes with another. */
    public Report backupTo(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> existing = Files.list(target)) {
            if (existing.findAny().isPresent()) {
                throw new IllegalArgumentException("The backup directory must be empty: " + target);
            }
        }
        boolean databaseIncluded = database.isH2();
        if (databaseIncluded) {
            String archive = target.resolve(BackupLayout.DATABASE_ARCHIVE).toAbsolutePath().toString();
            database.jdbi().useHandle(handle -> handle.createUpdate("BACKUP TO :archive").bind("archive", archive).execute());
        }
        int queueFiles = copyQueue(target);
        List<String> dataFiles = copyTopLevelFiles(target);
        writeManifest(target, databaseIncluded, queueFiles);
        return new Report(target, databaseIncluded, queueFiles, dataFiles);
    }

    private int copyQueue(Path target) throws IOException {
        Path queue = BackupLayout.queue(dataDir);
        if (!Files.isDirectory(queue)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(queue)) {
            files = walk.filter(Files::isRegularFile).filter(BackupLayout::isQueueFileKept).toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(dataDir.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return files.size();
    }

    private List<String> copyTopLevelFiles(Path target) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> kept = files.filter(Files::isRegularFile).toList();
            for (Path file : kept) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            return kept.stream().map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private void writeManifest(Path target, boolean databaseIncluded, int queueFiles) {
        Properties manifest = new Properties();
        manifest.setProperty("created", clock.instant().toString());
        manifest.setProperty("database", databaseIncluded ? BackupLayout.DATABASE_ARCHIVE : "not included: PostgreSQL, back it up with pg_dump");
        manifest.setProperty("queue.files", String.valueOf(queueFiles));
        try (OutputStream out = Files.newOutputStream(target.resolve(BackupLayout.MANIFEST))) {
            manifest.store(out, "Postyard backup: restore with ./postyard restore <this directory>, the server stopped");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.postyard.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Brings a backup made by {@link OnlineBackup} back into a data directory, the server stopped: the data directory in
 * place is moved aside (never deleted), then the database is unpacked and the queue's journal and the secrets copied
 * in. {@code ./postyard restore DIR} runs it.
 */
public final class Restore {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Restore BACKUP_DIRECTORY DATA_DIRECTORY");
            System.exit(2);
        }
        Path moved = restore(Path.of(args[0]), Path.of(args[1]));
        System.out.println("Restored " + args[0] + " into " + args[1]
            + (moved == null ? "" : "; the data directory that was there is now " + moved));
    }

    /** The directory the former data moved to, or null when there was none. */
    public static Path restore(Path backup, Path dataDir) throws IOException {
        if (!Files.isRegularFile(backup.resolve(BackupLayout.MANIFEST))) {
            throw new IllegalArgumentException(backup + " is not a Postyard backup: it has no " + BackupLayout.MANIFEST);
        }
        Path moved = moveAside(dataDir);
        Files.createDirectories(dataDir);
        Path archive = backup.resolve(BackupLayout.DATABASE_ARCHIVE);
        if (Files.isRegularFile(archive)) {
            unzip(archive, BackupLayout.database(dataDir));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(backup)) {
            files = walk.filter(Files::isRegularFile)
                .filter(file -> !file.equals(archive) && !file.getFileName().toString().equals(BackupLayout.MANIFEST))
                .toList();
        }
        for (Path file : files) {
            Path copy = dataDir.resolve(backup.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return moved;
    }

    private static Path moveAside(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isEmpty()) {
                return null;
            }
        }
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-" + Instant.now().toEpochMilli());
        Files.move(dataDir, aside);
        return aside;
    }

    private static void unzip(Path archive, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("An entry of " + archive + " points outside the database directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Restore() {
    }
}

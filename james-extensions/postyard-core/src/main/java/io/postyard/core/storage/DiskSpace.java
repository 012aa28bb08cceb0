package io.postyard.core.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;
import javax.inject.Singleton;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Whether the data directory's disk is nearly full. New mail is refused with a temporary answer before it is: a queue
 * journal or a database that meets a full disk stops writing until the server restarts (docs/reliability.md), while
 * a sender told to come back later loses nothing. Postfix refuses mail the same way (its {@code queue_minfree}).
 */
@Singleton
public class DiskSpace {
    /** A statvfs per request is cheap, but not needed: space does not run out in half a second. */
    private static final Duration CHECKED_EVERY = Duration.ofMillis(500);

    private final Path dataDir;
    private final long minFreeBytes;
    private final Clock clock;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(Instant.MIN, false));

    @Inject
    public DiskSpace(PostyardSettings settings) {
        this(settings.path(Setting.DATA_DIR), settings.getInt(Setting.DISK_MIN_FREE_MB) * 1024L * 1024L, Clock.systemUTC());
    }

    public DiskSpace(Path dataDir, long minFreeBytes, Clock clock) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
        this.clock = clock;
    }

    /** Whether new mail should wait: less than the configured space is left where the server writes. */
    public boolean isLow() {
        if (minFreeBytes <= 0) {
            return false;
        }
        Instant now = clock.instant();
        Reading reading = last.get();
        if (reading.at().plus(CHECKED_EVERY).isAfter(now)) {
            return reading.low();
        }
        Reading fresh = new Reading(now, usableBytes() < minFreeBytes);
        last.set(fresh);
        return fresh.low();
    }

    private long usableBytes() {
        try {
            Files.createDirectories(dataDir);
            FileStore store = Files.getFileStore(dataDir);
            return store.getUsableSpace();
        } catch (IOException e) {
            // A data directory that cannot even be examined cannot take mail either.
            return 0;
        }
    }

    private record Reading(Instant at, boolean low) {
    }
}

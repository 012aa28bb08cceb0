package io.postyard.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {
    @TempDir
    Path dataDir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDiskWithLessThanTheMinimumFreeIsLow() throws Exception {
        long free = Files.getFileStore(dataDir).getUsableSpace();

        assertThat(new DiskSpace(dataDir, free + (1L << 40), clock).isLow()).isTrue();
        assertThat(new DiskSpace(dataDir, 1024 * 1024, clock).isLow()).isFalse();
    }

    @Test
    void noMinimumNeverRefuses() {
        assertThat(new DiskSpace(dataDir, 0, clock).isLow()).isFalse();
    }

    @Test
    void aDataDirectoryThatCannotBeExaminedIsLow() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");

        assertThat(new DiskSpace(notADirectory.resolve("data"), 1, clock).isLow()).isTrue();
    }
}

package io.postyard.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class FullDiskTest {
    @Test
    void aFullDiskAnywhereInTheCausesIsOne() {
        Exception journal = new IllegalStateException("Unable to enqueue mail",
            new RuntimeException("java.io.IOException: No space left on device", new IOException("No space left on device")));

        assertThat(FullDisk.isCause(journal)).isTrue();
        assertThat(FullDisk.isCause(new UncheckedIOException(new IOException("Disk quota exceeded")))).isTrue();
    }

    @Test
    void otherInputOutputFailuresAreNot() {
        assertThat(FullDisk.isCause(new IOException("Connection reset by peer"))).isFalse();
        assertThat(FullDisk.isCause(new IllegalStateException("No space left on device"))).isFalse();
        assertThat(FullDisk.isCause(new IOException((String) null))).isFalse();
    }
}

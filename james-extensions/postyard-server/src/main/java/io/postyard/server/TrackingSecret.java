package io.postyard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * The key tracking links are signed with: {@code POSTYARD_TRACKING_SECRET}, or one generated on first start and kept
 * in the data directory, so links in mail already sent keep working after a restart. Nodes of a cluster must share it.
 */
final class TrackingSecret {
    static final String FILE = "tracking-secret";

    static byte[] load(PostyardSettings settings) {
        Optional<String> configured = settings.optional(Setting.TRACKING_SECRET);
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = settings.path(Setting.DATA_DIR).resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private TrackingSecret() {
    }
}

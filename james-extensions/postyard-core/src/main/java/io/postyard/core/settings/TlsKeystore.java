package io.postyard.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Optional;

/**
 * The one PKCS12 keystore every TLS listener (SMTP, submission, SMTPS, IMAP, IMAPS, POP3, the public HTTP port) presents.
 * No {@code tls.keystore} setting means no TLS at all, so that a fresh clone starts without one.
 */
public final class TlsKeystore {
    public static final String TYPE = "PKCS12";

    /**
     * The configured keystore, checked now: a missing file, a wrong password or a keystore without a private key would
     * otherwise surface later as a handshake failure on a single listener, far from the setting at fault.
     */
    public static Optional<TlsKeystore> from(PostyardSettings settings) {
        if (settings.optional(Setting.TLS_KEYSTORE).isEmpty()) {
            return Optional.empty();
        }
        Path path = settings.path(Setting.TLS_KEYSTORE);
        String password = settings.get(Setting.TLS_KEYSTORE_PASSWORD);
        requireUsable(path, password);
        return Optional.of(new TlsKeystore(path, password));
    }

    private static void requireUsable(Path path, String password) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(Setting.TLS_KEYSTORE.envName() + " names no readable file: " + path);
        }
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(path)) {
            keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(in, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            // The cause's message never holds the password; it says whether the file or the password is wrong.
            throw new IllegalArgumentException(Setting.TLS_KEYSTORE.envName() + " " + path + " cannot be opened as "
                + TYPE + " with " + Setting.TLS_KEYSTORE_PASSWORD.envName() + ": " + e.getMessage(), e);
        }
        try {
            boolean hasKey = Collections.list(keyStore.aliases()).stream().anyMatch(alias -> isKey(keyStore, alias));
            if (!hasKey) {
                throw new IllegalArgumentException(Setting.TLS_KEYSTORE.envName() + " " + path
                    + " holds no private key: a server needs its key, not only certificates");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(Setting.TLS_KEYSTORE.envName() + " " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private final Path path;
    private final String password;

    private TlsKeystore(Path path, String password) {
        this.path = path;
        this.password = password;
    }

    /** Absolute. */
    public Path path() {
        return path;
    }

    /** Secret: never log it. */
    public String password() {
        return password;
    }

    /** The keystore as a James {@code FileSystem} URL, the form {@code <tls><keystore>} takes. */
    public String fileUrl() {
        return "file://" + path;
    }

    @Override
    public String toString() {
        return "TlsKeystore{" + path + "}";
    }
}

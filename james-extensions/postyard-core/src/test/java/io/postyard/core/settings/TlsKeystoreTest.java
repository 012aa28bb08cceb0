package io.postyard.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeystoreTest {
    @TempDir
    Path dir;

    @Test
    void noKeystoreSettingMeansNoTls() {
        assertThat(TlsKeystore.from(PostyardSettings.load(dir, Map.of()))).isEmpty();
    }

    @Test
    void aMissingFileIsReportedWithTheVariableName() {
        PostyardSettings settings = PostyardSettings.load(dir, Map.of("POSTYARD_TLS_KEYSTORE", dir.resolve("nope.p12").toString()));

        assertThatThrownBy(() -> TlsKeystore.from(settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("POSTYARD_TLS_KEYSTORE")
            .hasMessageContaining("nope.p12");
    }

    @Test
    void aWrongPasswordIsReportedWithoutRepeatingIt() throws Exception {
        Path keystore = emptyKeystore("right-password");
        PostyardSettings settings = PostyardSettings.load(dir, Map.of("POSTYARD_TLS_KEYSTORE", keystore.toString(),
            "POSTYARD_TLS_KEYSTORE_PASSWORD", "wrong-password-31"));

        assertThatThrownBy(() -> TlsKeystore.from(settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("POSTYARD_TLS_KEYSTORE_PASSWORD")
            .hasMessageNotContaining("wrong-password-31");
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsRefused() throws Exception {
        Path keystore = emptyKeystore("store-password");
        PostyardSettings settings = PostyardSettings.load(dir, Map.of("POSTYARD_TLS_KEYSTORE", keystore.toString(),
            "POSTYARD_TLS_KEYSTORE_PASSWORD", "store-password"));

        assertThatThrownBy(() -> TlsKeystore.from(settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no private key");
    }

    private Path emptyKeystore(String password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance(TlsKeystore.TYPE);
        keyStore.load(null, null);
        Path path = dir.resolve("keystore.p12");
        try (OutputStream out = Files.newOutputStream(path)) {
            keyStore.store(out, password.toCharArray());
        }
        return path;
    }
}

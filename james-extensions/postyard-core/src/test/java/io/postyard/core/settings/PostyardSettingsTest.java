package io.postyard.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostyardSettingsTest {
    @TempDir
    Path conf;

    @Test
    void environmentWinsOverTheFileWhichWinsOverTheDefault() throws IOException {
        Files.writeString(conf.resolve(PostyardSettings.PROPERTIES_FILE), "smtp.port=2626\nimap.port=1444\n");

        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_IMAP_PORT", "1555"));

        assertThat(settings.getInt(Setting.SMTP_PORT)).isEqualTo(2626);
        assertThat(settings.getInt(Setting.IMAP_PORT)).isEqualTo(1555);
        assertThat(settings.getInt(Setting.POP3_PORT)).isEqualTo(1110);
    }

    @Test
    void everySettingHasAPostyardEnvironmentName() {
        assertThat(Setting.SMTP_GATEWAY.envName()).isEqualTo("POSTYARD_SMTP_GATEWAY");
        assertThat(Setting.DATA_DIR.envName()).isEqualTo("POSTYARD_DATA_DIR");
        assertThat(Setting.HTTP_RATE_LIMIT_PER_MINUTE.envName()).isEqualTo("POSTYARD_HTTP_RATE_LIMIT_PER_MINUTE");
    }

    @Test
    void aNonNumericPortIsReportedWithItsVariableName() {
        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_SMTP_PORT", "twenty-five"));

        assertThatThrownBy(() -> settings.getInt(Setting.SMTP_PORT))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("POSTYARD_SMTP_PORT");
    }

    @Test
    void theApiKeyNeverAppearsInTheTextualForm() {
        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_API_KEY", "key-very-secret"));

        assertThat(settings.toString()).doesNotContain("key-very-secret").contains("POSTYARD_API_KEY=<set>");
    }

    @Test
    void aModulesOwnSettingIsReadWithoutBeingListedInCore() throws IOException {
        Setting domain = new Setting("example.domain", "example.localhost");
        Setting password = new Setting("example.admin.password", "");
        Files.writeString(conf.resolve(PostyardSettings.PROPERTIES_FILE), "example.domain=mail.example.net\n");

        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_EXAMPLE_ADMIN_PASSWORD", "admin-very-secret"));

        assertThat(settings.get(domain)).isEqualTo("mail.example.net");
        assertThat(settings.get(password)).isEqualTo("admin-very-secret");
        assertThat(password.isSecret()).isTrue();
        assertThat(domain.isSecret()).isFalse();
        assertThat(settings.secretValues()).containsExactly("admin-very-secret");
        assertThat(settings.toString()).doesNotContain("admin-very-secret").contains("example.domain=mail.example.net");
    }

    @Test
    void thePublicUrlDefaultsToHttpsWhenAKeystoreIsConfigured() {
        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_HOSTNAME", "mail.example.net",
            "POSTYARD_TLS_KEYSTORE", "/etc/postyard/keystore.p12"));

        assertThat(settings.publicUrl()).isEqualTo("https://mail.example.net:8080");
    }

    @Test
    void theKeystorePasswordNeverAppearsInTheTextualForm() {
        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_TLS_KEYSTORE_PASSWORD", "store-very-secret"));

        assertThat(settings.toString()).doesNotContain("store-very-secret").contains("POSTYARD_TLS_KEYSTORE_PASSWORD=<set>");
    }

    @Test
    void thePublicUrlDefaultsToTheHostnameAndPort() {
        PostyardSettings settings = PostyardSettings.load(conf, Map.of("POSTYARD_HOSTNAME", "mail.example.net"));

        assertThat(settings.publicUrl()).isEqualTo("http://mail.example.net:8080");
        assertThat(settings.with(Setting.PUBLIC_URL, "https://api.example.net/").publicUrl()).isEqualTo("https://api.example.net");
    }

    @Test
    void durationsAreWrittenWithAUnit() {
        PostyardSettings settings = PostyardSettings.defaults();

        assertThat(settings.with(Setting.MAILBOX_EXPIRY_INTERVAL, "500ms").getDuration(Setting.MAILBOX_EXPIRY_INTERVAL))
            .isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(settings.with(Setting.MAILBOX_EXPIRY_INTERVAL, "2h").getDuration(Setting.MAILBOX_EXPIRY_INTERVAL))
            .isEqualTo(java.time.Duration.ofHours(2));
        assertThat(settings.getDuration(Setting.MAILBOX_EXPIRY_INTERVAL)).isEqualTo(java.time.Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.with(Setting.MAILBOX_EXPIRY_INTERVAL, "soon")
            .getDuration(Setting.MAILBOX_EXPIRY_INTERVAL)).hasMessageContaining("POSTYARD_MAILBOX_EXPIRY_INTERVAL");
    }
}

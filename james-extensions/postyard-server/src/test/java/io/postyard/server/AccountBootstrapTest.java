package io.postyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.postyard.core.account.AccountId;
import io.postyard.core.account.MemoryAccountStore;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.MemoryApiKeyStore;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

class AccountBootstrapTest {
    private static final Pattern PRINTED_KEY = Pattern.compile("(key-[0-9a-f]{48})");

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private ApiKeyService bootstrap(PostyardSettings settings) {
        ApiKeyService keys = new ApiKeyService(new MemoryApiKeyStore(), Clock.systemUTC());
        new AccountBootstrap(new MemoryAccountStore(), keys, settings, Clock.systemUTC(),
            new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        return keys;
    }

    private PostyardSettings settings(Map<String, String> env) {
        return PostyardSettings.load(dataDir.resolve("no-conf"), env).with(Setting.DATA_DIR, dataDir.toString());
    }

    @Test
    void aGeneratedKeyIsPrintedOnceAndRecognisedAfterARestart() throws Exception {
        bootstrap(settings(Map.of()));
        Matcher printed = PRINTED_KEY.matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).isTrue();
        String secret = printed.group(1);
        assertThat(Files.readString(dataDir.resolve(AccountBootstrap.PRIMARY_KEY_HASH_FILE))).doesNotContain(secret);

        console.reset();
        ApiKeyService afterRestart = bootstrap(settings(Map.of()));

        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
        assertThat(afterRestart.authenticate(secret)).hasValueSatisfying(key -> assertThat(key.kind()).isEqualTo(KeyKind.PRIMARY));
    }

    @Test
    void theConfiguredKeyIsThePrimaryKeyAndNothingIsPrinted() {
        ApiKeyService keys = bootstrap(settings(Map.of("POSTYARD_API_KEY", "key-chosen-by-the-operator")));

        assertThat(keys.authenticate("key-chosen-by-the-operator")).isPresent();
        assertThat(keys.list(AccountId.DEFAULT)).hasSize(1);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dataDir.resolve(AccountBootstrap.PRIMARY_KEY_HASH_FILE)).doesNotExist();
    }
}

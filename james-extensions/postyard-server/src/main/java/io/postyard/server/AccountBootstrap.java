package io.postyard.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.Account;
import io.postyard.core.account.AccountId;
import io.postyard.core.account.AccountStore;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyHash;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyScope;
import io.postyard.core.key.KeySecrets;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Makes sure the built-in account and its primary key exist. The key is {@code POSTYARD_API_KEY} when set;
 * otherwise one is generated on first start, shown once on the console, and only its hash is kept in the data
 * directory so later starts recognise it.
 */
public class AccountBootstrap {
    static final String PRIMARY_KEY_HASH_FILE = "primary-api-key.sha256";
    private static final String DEFAULT_ACCOUNT_NAME = "Default account";
    private static final String PRIMARY_KEY_DESCRIPTION = "Primary key";

    private final AccountStore accounts;
    private final ApiKeyService keys;
    private final PostyardSettings settings;
    private final Clock clock;
    private final PrintStream console;

    @Inject
    public AccountBootstrap(AccountStore accounts, ApiKeyService keys, PostyardSettings settings, Clock clock) {
        this(accounts, keys, settings, clock, System.out);
    }

    AccountBootstrap(AccountStore accounts, ApiKeyService keys, PostyardSettings settings, Clock clock, PrintStream console) {
        this.accounts = accounts;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.console = console;
    }

    public void run() {
        if (accounts.get(AccountId.DEFAULT).isEmpty()) {
            accounts.save(new Account(AccountId.DEFAULT, DEFAULT_ACCOUNT_NAME, clock.instant()));
        }
        Optional<String> configured = settings.optional(Setting.API_KEY);
        if (configured.isPresent()) {
            registerPrimary(KeyHash.of(configured.get()), KeySecrets.hint(configured.get()));
            return;
        }
        Path hashFile = settings.path(Setting.DATA_DIR).resolve(PRIMARY_KEY_HASH_FILE);
        Optional<String> remembered = readHash(hashFile);
        if (remembered.isPresent()) {
            String[] parts = remembered.get().split(" ", 2);
            registerPrimary(new KeyHash(parts[0]), parts.length > 1 ? parts[1] : "");
            return;
        }
        String secret = KeySecrets.generate(ApiKeyService.DEFAULT_SECRET_PREFIX);
        writeHash(hashFile, KeyHash.of(secret).hex() + " " + KeySecrets.hint(secret));
        registerPrimary(KeyHash.of(secret), KeySecrets.hint(secret));
        showOnce(secret, hashFile);
    }

    private void registerPrimary(KeyHash hash, String hint) {
        keys.register(AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, PRIMARY_KEY_DESCRIPTION, hash, hint);
    }

    private static Optional<String> readHash(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(line -> !line.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void writeHash(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the hash alone does not reveal the key anyway.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Written to the console, not through the logger, so that log files never hold it. */
    private void showOnce(String secret, Path hashFile) {
        console.println();
        console.println("  A primary API key was generated. It is shown only this once; store it now:");
        console.println();
        console.println("      " + secret);
        console.println();
        console.println("  Only its hash is kept (" + hashFile + "). Set POSTYARD_API_KEY to choose your own key.");
        console.println();
        console.flush();
    }
}

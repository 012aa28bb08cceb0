package io.postyard.opensrs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.key.KeyHash;
import io.postyard.core.settings.PostyardSettings;

/**
 * The company administrator of {@code POSTYARD_OMA_COMPANY} configured by {@code POSTYARD_OMA_ADMIN_USER} and
 * {@code POSTYARD_OMA_ADMIN_PASSWORD}: how a panel gets in before any user has a role. No password, no such admin.
 */
public class BootstrapAdmin {
    private final String name;
    private final Optional<KeyHash> passwordHash;
    private final String company;

    @Inject
    public BootstrapAdmin(PostyardSettings settings) {
        this.name = settings.get(OmaSettings.ADMIN_USER).trim().toLowerCase(Locale.ROOT);
        this.passwordHash = settings.optional(OmaSettings.ADMIN_PASSWORD).filter(password -> !password.isEmpty()).map(KeyHash::of);
        this.company = settings.get(OmaSettings.COMPANY);
    }

    public boolean isNamed(String login) {
        return passwordHash.isPresent() && name.equals(login.trim().toLowerCase(Locale.ROOT));
    }

    public boolean accepts(String login, String password) {
        return isNamed(login) && MessageDigest.isEqual(
            passwordHash.get().hex().getBytes(StandardCharsets.US_ASCII), KeyHash.of(password).hex().getBytes(StandardCharsets.US_ASCII));
    }

    public String name() {
        return name;
    }

    public String company() {
        return company;
    }
}

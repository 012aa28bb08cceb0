package io.postyard.opensrs;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.key.KeyHash;
import io.postyard.opensrs.store.SessionToken;
import io.postyard.opensrs.store.SessionTokenStore;

/**
 * Login tokens: {@code session} and {@code oma} tokens last their duration, {@code sso} ones are spent by their
 * first use. Only their hashes are stored.
 */
public class OmaSessions {
    public static final String SESSION = "session";
    public static final String OMA = "oma";
    public static final String SSO = "sso";
    static final int MIN_CUSTOM_TOKEN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionTokenStore tokens;
    private final Clock clock;

    @Inject
    public OmaSessions(SessionTokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Issues a token and answers its secret, shown to the caller once. */
    public String issue(String login, String type, Duration duration, Optional<String> chosenSecret) {
        String secret = chosenSecret.orElseGet(OmaSessions::newSecret);
        tokens.save(new SessionToken(KeyHash.of(secret).hex(), login, type, clock.instant().plus(duration), SSO.equals(type)));
        return secret;
    }

    /** The token's login, when the token is valid; a single-use token is spent by this call. */
    public Optional<String> use(String secret) {
        String hash = KeyHash.of(secret).hex();
        return tokens.get(hash)
            .filter(token -> token.isValidAt(clock.instant()))
            .filter(token -> !token.singleUse() || tokens.remove(hash))
            .map(SessionToken::login);
    }

    public int revokeAll(String login) {
        return tokens.removeAll(login);
    }

    public int removeExpired() {
        return tokens.removeExpired(clock.instant());
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

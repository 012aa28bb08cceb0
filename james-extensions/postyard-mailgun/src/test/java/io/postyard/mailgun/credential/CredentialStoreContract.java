package io.postyard.mailgun.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialStore} does. Each test uses logins of a domain of its own. */
public abstract class CredentialStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final String domain = UUID.randomUUID() + ".contract.test";

    protected abstract CredentialStore store();

    private Username login(String localPart) {
        return Username.of(localPart + "@" + domain);
    }

    @Test
    void aRecordedCreationComesBack() {
        store().recordCreation(login("ann"), T0);

        assertThat(store().createdAt(login("ann"))).contains(T0);
        assertThat(store().createdAt(login("bob"))).isEmpty();
    }

    @Test
    void recordingAgainReplacesTheInstant() {
        store().recordCreation(login("ann"), T0);

        store().recordCreation(login("ann"), T0.plusSeconds(60));

        assertThat(store().createdAt(login("ann"))).contains(T0.plusSeconds(60));
    }

    @Test
    void aForgottenLoginHasNoCreation() {
        store().recordCreation(login("ann"), T0);
        store().recordCreation(login("bob"), T0);

        store().forget(login("ann"));

        assertThat(store().createdAt(login("ann"))).isEmpty();
        assertThat(store().createdAt(login("bob"))).contains(T0);
    }
}

package io.postyard.core.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/** What every {@link DkimKeyStore} does. Each test uses a domain of its own. */
public abstract class DkimKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract DkimKeyStore store();

    private DkimKey key(String selector) {
        return new DkimKey(domain, selector, "-----BEGIN PRIVATE KEY-----\nMIIE" + selector + "\n-----END PRIVATE KEY-----\n",
            "MIIBIjANBg" + selector, T0);
    }

    @Test
    void aKeyComesBackAsItWasPut() {
        store().put(key("pdk1"));

        assertThat(store().get(domain)).contains(key("pdk1"));
        assertThat(store().get(Domain.of(UUID.randomUUID() + ".contract.test"))).isEmpty();
    }

    @Test
    void putReplacesTheDomainsKey() {
        store().put(key("pdk1"));

        store().put(key("pdk2"));

        assertThat(store().get(domain)).contains(key("pdk2"));
    }

    @Test
    void aDeletedKeyIsGone() {
        store().put(key("pdk1"));

        store().delete(domain);

        assertThat(store().get(domain)).isEmpty();
    }
}

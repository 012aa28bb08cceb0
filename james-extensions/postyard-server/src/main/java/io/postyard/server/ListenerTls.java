package io.postyard.server;

import java.util.Optional;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

import io.postyard.core.settings.TlsKeystore;

/**
 * Writes the configured keystore into a James listener's {@code <tls>} element. Without a keystore it changes nothing,
 * so the files keep their shipped meaning: plain listeners, and the implicit-TLS ones disabled.
 */
class ListenerTls {
    private final Optional<TlsKeystore> keystore;

    ListenerTls(Optional<TlsKeystore> keystore) {
        this.keystore = keystore;
    }

    /** A plain-text listener that offers STARTTLS. */
    void startTls(HierarchicalConfiguration<ImmutableNode> configuration, String server) {
        apply(configuration, server, true);
    }

    /** A listener that speaks TLS from the first byte (SMTPS, IMAPS); it exists only with a keystore. */
    void implicitTls(HierarchicalConfiguration<ImmutableNode> configuration, String server) {
        apply(configuration, server, false);
    }

    private void apply(HierarchicalConfiguration<ImmutableNode> configuration, String server, boolean startTls) {
        if (keystore.isEmpty() || !configuration.containsKey(server + ".bind")) {
            return;
        }
        TlsKeystore store = keystore.get();
        if (!startTls) {
            configuration.setProperty(server + "[@enabled]", "true");
        }
        // James refuses startTLS and socketTLS together, so both are written.
        configuration.setProperty(server + ".tls[@startTLS]", String.valueOf(startTls));
        configuration.setProperty(server + ".tls[@socketTLS]", String.valueOf(!startTls));
        configuration.setProperty(server + ".tls.keystore", store.fileUrl());
        configuration.setProperty(server + ".tls.secret", store.password());
        configuration.setProperty(server + ".tls.keystoreType", TlsKeystore.TYPE);
    }
}

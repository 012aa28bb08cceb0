package io.postyard.core.dkim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import javax.inject.Inject;

import org.apache.james.core.Domain;

/**
 * Makes 2048-bit RSA DKIM keys. The selector carries the creation month ({@code py202611}), so a rotated key can be
 * published beside the old one while mail signed with the old one is still in flight.
 */
public class DkimKeyGenerator {
    static final int KEY_SIZE = 2048;
    private static final DateTimeFormatter SELECTOR_DATE = DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, "\n".getBytes());

    private final Clock clock;

    @Inject
    public DkimKeyGenerator(Clock clock) {
        this.clock = clock;
    }

    public DkimKey generate(Domain domain) {
        KeyPair pair = newKeyPair();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
            + PEM_BASE64.encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
        String publicBase64 = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        return new DkimKey(domain, "py" + SELECTOR_DATE.format(clock.instant()), privatePem, publicBase64, clock.instant());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is a mandatory JDK algorithm", e);
        }
    }
}

package io.postyard.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignedLinksTest {
    private static final Instant NOW = Instant.parse("2026-02-24T10:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(3600);
    private final SignedLinks links = new SignedLinks("server-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void aLinkIsValidUntilItsExpiryAndExpiredFromThen() {
        String signature = links.sign("attachments/msg_1/a.pdf", EXPIRY);

        assertThat(links.verify("attachments/msg_1/a.pdf", EXPIRY.getEpochSecond(), signature, NOW)).isEqualTo(SignedLinks.Verdict.VALID);
        assertThat(links.verify("attachments/msg_1/a.pdf", EXPIRY.getEpochSecond(), signature, EXPIRY.minusSeconds(1)))
            .isEqualTo(SignedLinks.Verdict.VALID);
        assertThat(links.verify("attachments/msg_1/a.pdf", EXPIRY.getEpochSecond(), signature, EXPIRY)).isEqualTo(SignedLinks.Verdict.EXPIRED);
    }

    @Test
    void aLinkCannotBeExtendedNorTurnedToAnotherResource() {
        String signature = links.sign("attachments/msg_1/a.pdf", EXPIRY);

        assertThat(links.verify("attachments/msg_1/a.pdf", EXPIRY.getEpochSecond() + 60, signature, NOW)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("attachments/msg_1/b.pdf", EXPIRY.getEpochSecond(), signature, NOW)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("attachments/msg_1/a.pdf", EXPIRY.getEpochSecond(), "not-hex", NOW)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(new SignedLinks("another-secret".getBytes(StandardCharsets.UTF_8))
            .verify("attachments/msg_1/a.pdf", EXPIRY.getEpochSecond(), signature, NOW)).isEqualTo(SignedLinks.Verdict.INVALID);
    }
}

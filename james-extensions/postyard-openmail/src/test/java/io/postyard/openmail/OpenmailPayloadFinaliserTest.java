package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class OpenmailPayloadFinaliserTest {
    private final OpenmailPayloadFinaliser finaliser = new OpenmailPayloadFinaliser();

    @Test
    void eachAttemptGetsItsNumberAndTimeInPlaceAndTheRestStays() {
        byte[] rendered = ("{\"event\":\"message.received\",\"event_id\":\"evt_1\",\"occurred_at\":\"2026-02-24T10:05:00.000Z\","
            + "\"delivered_at\":\"2026-02-24T10:05:00.000Z\",\"attempt\":1,\"inbox_id\":\"inb_1\"}").getBytes(StandardCharsets.UTF_8);

        byte[] third = finaliser.finalise(rendered, 3, Instant.parse("2026-02-24T10:06:30.250Z"));

        assertThat(new String(third, StandardCharsets.UTF_8)).isEqualTo("{\"event\":\"message.received\",\"event_id\":\"evt_1\","
            + "\"occurred_at\":\"2026-02-24T10:05:00.000Z\",\"delivered_at\":\"2026-02-24T10:06:30.250Z\",\"attempt\":3,\"inbox_id\":\"inb_1\"}");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsDeliveredAsItIs() {
        byte[] text = "not json".getBytes(StandardCharsets.UTF_8);

        assertThat(finaliser.finalise(text, 2, Instant.EPOCH)).isSameAs(text);
    }
}

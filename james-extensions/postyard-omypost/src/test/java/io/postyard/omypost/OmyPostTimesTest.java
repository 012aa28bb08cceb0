package io.postyard.omypost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class OmyPostTimesTest {
    @Test
    void aDateAloneMeansTheEndOfThatDayInUtc() {
        assertThat(OmyPostTimes.parse("2025-12-31")).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void dateTimesWithAnOffsetOrWithoutOneAreRead() {
        assertThat(OmyPostTimes.parse("2025-12-31T10:00:00+02:00")).contains(Instant.parse("2025-12-31T08:00:00Z"));
        assertThat(OmyPostTimes.parse("2025-12-31T10:00:00Z")).contains(Instant.parse("2025-12-31T10:00:00Z"));
        assertThat(OmyPostTimes.parse("2025-12-31T10:00:00")).contains(Instant.parse("2025-12-31T10:00:00Z"));
    }

    @Test
    void anythingElseIsNotADate() {
        assertThat(OmyPostTimes.parse("31/12/2025")).isEmpty();
        assertThat(OmyPostTimes.parse("tomorrow")).isEmpty();
    }

    @Test
    void timesAreWrittenToTheSecondInUtc() {
        assertThat(OmyPostTimes.format(Instant.parse("2025-03-15T10:30:00.123456Z"))).isEqualTo("2025-03-15T10:30:00Z");
    }
}

package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final RetrySchedule SCHEDULE = new RetrySchedule(
        List.of(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(4)), Set.of(406), Duration.ofSeconds(10));

    @Test
    void theDelayPatternNumbersEachRedeliveryWithItsDelayInMilliseconds() {
        assertThat(SCHEDULE.delayPattern(1)).isEqualTo("1:0;2:300000;3:14400000");
    }

    @Test
    void aScaleCompressesEveryDelay() {
        assertThat(SCHEDULE.delayPattern(0.0002)).isEqualTo("1:0;2:60;3:2880");
    }
}

package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void attemptsAtOffsetsFromTheFirstAreOneAttemptPerOffsetWithTheDelaysBetweenThem() {
        RetrySchedule schedule = RetrySchedule.attemptsAt(List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofMinutes(2), Duration.ofMinutes(4)), Set.of(), Duration.ofSeconds(15));

        assertThat(schedule.delays()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120));
        assertThat(schedule.delayPattern(1)).isEqualTo("1:30000;2:30000;3:60000;4:120000");
    }

    @Test
    void attemptOffsetsStartAtZeroAndNeverDecrease() {
        assertThatThrownBy(() -> RetrySchedule.attemptsAt(List.of(Duration.ofSeconds(30)), Set.of(), Duration.ofSeconds(15)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.attemptsAt(List.of(), Set.of(), Duration.ofSeconds(15)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.attemptsAt(List.of(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(1)), Set.of(),
            Duration.ofSeconds(15))).isInstanceOf(IllegalArgumentException.class);
    }
}

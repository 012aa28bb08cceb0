package io.postyard.camel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    @Test
    void mailgunRetriesAfterFiveTenFifteenMinutesThenOneTwoFourHours() {
        assertThat(RetrySchedule.MAILGUN.delayPattern(1)).isEqualTo("1:300000;2:600000;3:900000;4:3600000;5:7200000;6:14400000");
        assertThat(RetrySchedule.MAILGUN.finalCodes()).containsExactly(406);
    }

    @Test
    void openmailRetriesAtOnceThenAfterThirtySecondsOneTwoAndFourMinutes() {
        assertThat(RetrySchedule.OPENMAIL.delayPattern(1)).isEqualTo("1:0;2:30000;3:60000;4:120000;5:240000");
        assertThat(RetrySchedule.OPENMAIL.finalCodes()).isEmpty();
    }

    @Test
    void aScaleCompressesEveryDelay() {
        assertThat(RetrySchedule.MAILGUN.delayPattern(0.0002)).isEqualTo("1:60;2:120;3:180;4:720;5:1440;6:2880");
    }
}

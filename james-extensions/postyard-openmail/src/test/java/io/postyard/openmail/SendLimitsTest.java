package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiException;
import io.postyard.http.RateLimiter;
import io.postyard.openmail.store.OpenmailInbox;

class SendLimitsTest {
    private static OpenmailInbox inbox(String id) throws Exception {
        return new OpenmailInbox(id, AccountId.DEFAULT, new MailAddress(id + "@openmail.test"), Optional.empty(), Instant.EPOCH);
    }

    private static SendLimits limits(long perMinute, long perDay) {
        return new SendLimits(new RateLimiter(), PostyardSettings.defaults()
            .with(OpenmailSettings.SEND_LIMIT_PER_MINUTE, String.valueOf(perMinute))
            .with(OpenmailSettings.SEND_LIMIT_PER_DAY, String.valueOf(perDay)));
    }

    @Test
    void theDailyAllowanceIsEnforcedPerInboxWithRetryAfter() throws Exception {
        SendLimits limits = limits(100, 2);
        limits.charge(inbox("inb_a"));
        limits.charge(inbox("inb_a"));

        assertThatThrownBy(() -> limits.charge(inbox("inb_a")))
            .isInstanceOfSatisfying(ApiException.class, refused -> {
                assertThat(refused.error().status()).isEqualTo(429);
                assertThat(refused.error().message()).contains("2 a day");
                assertThat(Long.parseLong(refused.headers().get("Retry-After"))).isPositive();
            });
        limits.charge(inbox("inb_b"));
    }

    @Test
    void theMinuteAllowanceIsEnforcedFirst() throws Exception {
        SendLimits limits = limits(1, 100);
        limits.charge(inbox("inb_a"));

        assertThatThrownBy(() -> limits.charge(inbox("inb_a")))
            .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.error().message()).contains("1 a minute"));
    }
}

package io.postyard.omypost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiClassTest {
    @Test
    void accountEndpointsAreManagement() {
        assertThat(ApiClass.of("GET", "/omypost/v1/emails")).isEqualTo(ApiClass.MANAGEMENT);
        assertThat(ApiClass.of("POST", "/omypost/v1/emails")).isEqualTo(ApiClass.MANAGEMENT);
        assertThat(ApiClass.of("DELETE", "/omypost/v1/emails/em_1")).isEqualTo(ApiClass.MANAGEMENT);
    }

    @Test
    void postingAMessageIsSending() {
        assertThat(ApiClass.of("POST", "/omypost/v1/emails/em_1/messages")).isEqualTo(ApiClass.SENDING);
    }

    @Test
    void readingMessagesAndWebhooksAreOther() {
        assertThat(ApiClass.of("GET", "/omypost/v1/emails/em_1/messages")).isEqualTo(ApiClass.OTHER);
        assertThat(ApiClass.of("DELETE", "/omypost/v1/emails/em_1/messages/msg_1")).isEqualTo(ApiClass.OTHER);
        assertThat(ApiClass.of("POST", "/omypost/v1/webhooks")).isEqualTo(ApiClass.OTHER);
    }
}

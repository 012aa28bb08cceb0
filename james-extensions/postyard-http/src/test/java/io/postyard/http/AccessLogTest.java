package io.postyard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {
    @Test
    void controlCharactersCannotForgeLogLines() {
        assertThat(AccessLog.sanitize("/a\r\nINFO fake line")).isEqualTo("/a??INFO fake line");
    }

    @Test
    void veryLongPathsAreCut() {
        assertThat(AccessLog.sanitize("/" + "x".repeat(5000))).hasSize(512);
    }
}

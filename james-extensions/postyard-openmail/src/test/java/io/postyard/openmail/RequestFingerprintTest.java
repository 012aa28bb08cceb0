package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RequestFingerprintTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String of(String target, String json) throws Exception {
        return RequestFingerprint.of(target, JSON.readTree(json));
    }

    @Test
    void theSameRequestWrittenAnotherWayHasTheSameFingerprint() throws Exception {
        assertThat(of("inb_1", "{\"to\":\"a@b.test\",\"meta\":{\"y\":1,\"x\":[2,1]}}"))
            .isEqualTo(of("inb_1", " { \"meta\" : {\"x\":[2,1],\"y\":1}, \"to\":\"a@b.test\" } "));
    }

    @Test
    void anotherValueOrderOrTargetIsAnotherRequest() throws Exception {
        String original = of("inb_1", "{\"to\":\"a@b.test\",\"list\":[1,2]}");

        assertThat(of("inb_1", "{\"to\":\"a@b.test\",\"list\":[2,1]}")).isNotEqualTo(original);
        assertThat(of("inb_1", "{\"to\":\"c@b.test\",\"list\":[1,2]}")).isNotEqualTo(original);
        assertThat(of("inb_2", "{\"to\":\"a@b.test\",\"list\":[1,2]}")).isNotEqualTo(original);
    }
}

package io.postyard.opensrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.http.Json;

class AttributeSchemaTest {
    private static ObjectNode attributes(String json) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(json);
    }

    private static int errorNumber(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected an OmaException");
        } catch (OmaException e) {
            return e.error().number();
        }
    }

    @Test
    void checkedValuesComeBackTyped() throws Exception {
        var values = UserAttributes.SCHEMA.read(attributes("{\"quota\":1000,\"aliases\":[\"a@b.test\"],\"delivery_forward\":true}"), true);

        assertThat(values).containsEntry("quota", 1000L).containsEntry("aliases", List.of("a@b.test")).containsEntry("delivery_forward", true);
    }

    @Test
    void anUnknownNameOrAWrongTypeIsAMalformedAttribute() throws Exception {
        ObjectNode unknown = attributes("{\"colour\":\"blue\"}");
        ObjectNode wrongType = attributes("{\"quota\":\"big\"}");
        ObjectNode header = attributes("{\"autoresponder_subject\":\"Hi\\r\\nBcc: x@y.z\"}");

        assertThat(errorNumber(() -> UserAttributes.SCHEMA.read(unknown, true))).isEqualTo(6);
        assertThat(errorNumber(() -> UserAttributes.SCHEMA.read(wrongType, true))).isEqualTo(6);
        assertThat(errorNumber(() -> UserAttributes.SCHEMA.read(header, true))).isEqualTo(6);
    }

    @Test
    void aUserCannotSetWhatOnlyAdministratorsMay() throws Exception {
        ObjectNode quota = attributes("{\"quota\":1000}");

        assertThat(errorNumber(() -> UserAttributes.SCHEMA.read(quota, false))).isEqualTo(4);
        assertThat(UserAttributes.SCHEMA.settable(false)).contains("password", "autoresponder").doesNotContain("quota", "aliases", "status");
    }

    @Test
    void passwordsFollowTheRealServiceRules() throws Exception {
        assertThatThrownBy(() -> UserAttributes.SCHEMA.read(attributes("{\"password\":\"with \\\"quote\"}"), true)).isInstanceOf(OmaException.class);
        assertThat(UserAttributes.containsOwnName("xAliceX-1", "alice", "example")).isTrue();
        assertThat(UserAttributes.containsOwnName("my-EXAMPLE-pw", "al", "example")).isTrue();
        assertThat(UserAttributes.containsOwnName("Wonder-Land-42", "alice", "acme")).isFalse();
    }
}

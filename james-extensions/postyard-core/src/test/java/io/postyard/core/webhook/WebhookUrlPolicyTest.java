package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {
    private final WebhookUrlPolicy policy = new WebhookUrlPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/hook", "http://172.16.0.1/hook",
        "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/hook", "http://100.64.0.1/hook",
        "http://[::1]/hook", "http://[fe80::1]/hook", "http://[fd00::1]/hook", "http://[::ffff:127.0.0.1]/hook"})
    void internalAddressesAreRefused(String url) {
        assertThat(policy.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://0177.0.0.1/hook", "http://0x7f000001/hook", "http://2130706433/hook", "http://127.1/hook", "http://0x7f.1/hook",
        "http://0/hook", "http://127.0.0.1./hook", "http://localhost./hook", "http://012.0.0.1/hook", "http://0xa9.0xfe.0xa9.0xfe/hook",
        "http://[64:ff9b::7f00:1]/hook", "http://[64:ff9b::a9fe:a9fe]/hook", "http://[::127.0.0.1]/hook", "http://[2002:7f00:1::]/hook",
        "http://[::ffff:10.0.0.1]/hook", "http://1.2.3.999/hook", "http://09.1.1.1/hook"})
    void internalAddressesWrittenAnyOtherWayAreRefusedToo(String url) {
        assertThat(policy.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0x5db8d822/hook", "http://1572395042/hook", "http://[64:ff9b::5db8:d822]/hook"})
    void publicAddressesWrittenAsNumbersAreAllowed(String url) {
        assertThat(policy.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/hook", "file:///etc/passwd", "gopher://93.184.216.34/"})
    void onlyHttpAndHttpsAreAllowed(String url) {
        assertThat(policy.refusal(URI.create(url))).contains("only http and https URLs are allowed");
    }

    @Test
    void aPublicAddressIsAllowed() {
        assertThat(policy.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveYetIsAccepted() {
        assertThat(policy.refusal(URI.create("https://not-yet.invalid/hook"))).isEmpty();
    }

    @Test
    void theSettingAllowsPrivateAddresses() {
        assertThat(new WebhookUrlPolicy(true).refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
    }
}

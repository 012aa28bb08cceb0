package io.postyard.mailgun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.http.ApiException;

class MailgunInputTest {
    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyIsThePasswordOfUserApi() {
        assertThat(MailgunAuthenticator.SOURCE.secret(basic("api:key-123"))).contains("key-123");
        assertThat(MailgunAuthenticator.SOURCE.secret(basic("api:with:colon"))).contains("with:colon");
        assertThat(MailgunAuthenticator.SOURCE.secret(basic("root:key-123"))).isEmpty();
        assertThat(MailgunAuthenticator.SOURCE.secret(basic("no-colon"))).isEmpty();
        assertThat(MailgunAuthenticator.SOURCE.secret("Basic !!!not-base64")).isEmpty();
        assertThat(MailgunAuthenticator.SOURCE.secret("Bearer key-123")).isEmpty();
    }

    @Test
    void aLoginIsALocalPartOrAnAddressOfTheDomain() {
        Domain domain = Domain.of("example.test");

        assertThat(CredentialsRoutes.login("Bob", domain).asString()).isEqualTo("bob@example.test");
        assertThat(CredentialsRoutes.login("bob.bar@example.test", domain).asString()).isEqualTo("bob.bar@example.test");
        assertThatThrownBy(() -> CredentialsRoutes.login("bob@other.test", domain)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CredentialsRoutes.login("bo b", domain)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CredentialsRoutes.login("bob\r\n", domain))
            .isInstanceOf(ApiException.class);
    }

    @Test
    void domainNamesAreHostNamesWithAParent() {
        assertThat(MailgunDomainNames.parse("Mail.Example.TEST").asString()).isEqualTo("mail.example.test");
        for (String bad : new String[] {"localhost", "under_score.test", "-lead.test", "a..b.test", "sp ace.test", "", "evil.test\r\n"}) {
            assertThatThrownBy(() -> MailgunDomainNames.parse(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void passwordsFollowTheDocumentRule() {
        assertThat(CredentialPasswords.validate("12345")).isEqualTo("12345");
        assertThat(CredentialPasswords.validate("x".repeat(32))).hasSize(32);
        assertThatThrownBy(() -> CredentialPasswords.validate("1234")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CredentialPasswords.validate("x".repeat(33))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CredentialPasswords.validate("pass\r\nword")).isInstanceOf(ApiException.class);
    }

    @Test
    void datesUseTheDocumentFormats() {
        Instant instant = Instant.parse("2021-04-05T14:40:50Z");

        assertThat(MailgunDates.rfc2822(instant)).isEqualTo("Mon, 05 Apr 2021 14:40:50 GMT");
        assertThat(MailgunDates.plain(instant)).isEqualTo("2021-04-05 14:40:50");
    }
}

package io.postyard.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressValidatorTest {
    private final FakeDnsResolver dns = new FakeDnsResolver()
        .mx("example.com", "mx.example.com")
        .address("a-only.example")
        .mx("nomail.example", ".")
        .mx("mailinator.com", "mail.mailinator.com")
        .mx("inbox.mailinator.com", "mail.mailinator.com")
        .mx("mymailinator.com", "mx.mymailinator.com")
        .failing("outage.example");
    private final AddressValidator validator =
        new AddressValidator(dns, new RoleAddresses(), new DisposableDomains(), new DomainSuggester());

    @Test
    void anAddressAtADomainWithMxIsValidWithTheBestReasonWeCanGive() {
        AddressValidation validation = validator.validate("alice@example.com");

        assertThat(validation).isEqualTo(new AddressValidation("alice@example.com", ValidationReason.LOW_DELIVERABILITY,
            Optional.empty(), false, false, Optional.of(new AddressParts("alice", "example.com"))));
        assertThat(validation.isValid()).isTrue();
        assertThat(validation.reason().value()).isEqualTo("low_deliverability");
    }

    @Test
    void anARecordStandsInForAMissingMx() {
        assertThat(validator.validate("alice@a-only.example").reason()).isEqualTo(ValidationReason.LOW_DELIVERABILITY);
    }

    @Test
    void theDomainIsCaseInsensitiveAndTheLocalPartKeptAsGiven() {
        AddressValidation validation = validator.validate("Alice.Smith@Example.COM");

        assertThat(validation.address()).isEqualTo("Alice.Smith@Example.COM");
        assertThat(validation.parts()).contains(new AddressParts("Alice.Smith", "example.com"));
        assertThat(validation.isValid()).isTrue();
        assertThat(dns.asked()).containsOnly("example.com");
    }

    @Test
    void aQuotedLocalPartIsValidSyntax() {
        assertThat(validator.validate("\"alice smith\"@example.com").parts())
            .contains(new AddressParts("\"alice smith\"", "example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "alice",
        "alice@",
        "@example.com",
        "alice@@example.com",
        "alice@bob@example.com",
        "alice smith@example.com",
        "alice@exam ple.com",
        "alice@example.com\r\n",
        "alice@example.com\r\nBcc: victim@example.com",
        "alice\u0000@example.com",
        "alice@example.com.",
        "alice.@example.com",
        ".alice@example.com",
        "alice..smith@example.com",
        "alice@example..com",
        "alice@-example.com",
        "alice@exa_mple.com",
        "Alice <alice@example.com>",
        "<alice@example.com>",
        "alice@example.com (Alice)",
        " alice@example.com",
        "alice@example.com ",
        "alice@example.com, bob@example.com",
        "zoë@example.com",
        "alice@exämple.com",
        "\"zoë\"@example.com",
    })
    void aStringThatIsNotABareAddrSpecIsAnInvalidEmail(String address) {
        AddressValidation validation = validator.validate(address);

        assertThat(validation.reason()).isEqualTo(ValidationReason.INVALID_EMAIL);
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.parts()).isEmpty();
        assertThat(validation.didYouMean()).isEmpty();
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void overlongLocalPartsAndAddressesAreInvalidEmails() {
        assertThat(validator.validate("a".repeat(65) + "@example.com").reason()).isEqualTo(ValidationReason.INVALID_EMAIL);
        assertThat(validator.validate("a".repeat(64) + "@example.com").reason()).isEqualTo(ValidationReason.LOW_DELIVERABILITY);
        String longDomain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
        assertThat(validator.validate("alice@" + longDomain).reason()).isEqualTo(ValidationReason.INVALID_EMAIL);
    }

    @Test
    void aDomainWithNeitherMxNorAddressIsAnInvalidDomain() {
        AddressValidation validation = validator.validate("alice@nowhere.example");

        assertThat(validation.reason()).isEqualTo(ValidationReason.INVALID_DOMAIN);
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.parts()).contains(new AddressParts("alice", "nowhere.example"));
    }

    @Test
    void aDomainPublishingANullMxIsAnInvalidDomain() {
        assertThat(validator.validate("alice@nomail.example").reason()).isEqualTo(ValidationReason.INVALID_DOMAIN);
    }

    @Test
    void anAddressLiteralIsAnInvalidDomainWithoutAskingDns() {
        AddressValidation validation = validator.validate("alice@[192.0.2.1]");

        assertThat(validation.reason()).isEqualTo(ValidationReason.INVALID_DOMAIN);
        assertThat(validation.parts()).contains(new AddressParts("alice", "[192.0.2.1]"));
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void aDnsFailureIsAnUnexpectedErrorNotAnInvalidDomain() {
        AddressValidation validation = validator.validate("support@outage.example");

        assertThat(validation.reason()).isEqualTo(ValidationReason.UNEXPECTED_ERROR);
        assertThat(validation.reason().value()).isEqualTo("unexpected_error");
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.isRoleAddress()).isTrue();
        assertThat(validation.parts()).contains(new AddressParts("support", "outage.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"support", "Postmaster", "no-reply", "noreply", "info", "admin", "abuse", "sales+eu"})
    void aRoleAddressIsValidButLowQuality(String localPart) {
        AddressValidation validation = validator.validate(localPart + "@example.com");

        assertThat(validation.isRoleAddress()).isTrue();
        assertThat(validation.isDisposable()).isFalse();
        assertThat(validation.reason()).isEqualTo(ValidationReason.LOW_QUALITY);
        assertThat(validation.isValid()).isTrue();
    }

    @Test
    void aPersonIsNotARole() {
        assertThat(validator.validate("supportive.sam@example.com").isRoleAddress()).isFalse();
    }

    @Test
    void aDisposableDomainIsValidButLowQuality() {
        AddressValidation validation = validator.validate("alice@mailinator.com");

        assertThat(validation.isDisposable()).isTrue();
        assertThat(validation.isRoleAddress()).isFalse();
        assertThat(validation.reason()).isEqualTo(ValidationReason.LOW_QUALITY);
        assertThat(validation.isValid()).isTrue();
    }

    @Test
    void aSubdomainOfADisposableDomainIsDisposable() {
        assertThat(validator.validate("alice@inbox.mailinator.com").isDisposable()).isTrue();
        assertThat(validator.validate("alice@Inbox.Mailinator.COM").isDisposable()).isTrue();
    }

    @Test
    void aDomainMerelyEndingLikeADisposableOneIsNot() {
        AddressValidation validation = validator.validate("alice@mymailinator.com");

        assertThat(validation.isDisposable()).isFalse();
        assertThat(validation.reason()).isEqualTo(ValidationReason.LOW_DELIVERABILITY);
    }

    @ParameterizedTest
    @CsvSource({
        "gmial.com, gmail.com",
        "gmai.com, gmail.com",
        "gamil.com, gmail.com",
        "gnail.com, gmail.com",
        "gmaill.com, gmail.com",
        "gmail.co, gmail.com",
        "gmail.con, gmail.com",
        "gmial.con, gmail.com",
        "hotmial.com, hotmail.com",
        "hotmal.com, hotmail.com",
        "yaho.com, yahoo.com",
        "yahooo.com, yahoo.com",
        "outlok.com, outlook.com",
        "icloud.co, icloud.com",
        "aol.con, aol.com",
        "example.con, example.com",
        "example.ogr, example.org",
    })
    void aMistypedDomainGetsASuggestion(String typed, String meant) {
        AddressValidation validation = validator.validate("Bob.Smith@" + typed);

        assertThat(validation.didYouMean()).contains("Bob.Smith@" + meant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "GMail.com", "mail.com", "email.com", "ymail.com", "hotmail.fr", "example.com",
        "aon.com", "love.com", "ms.com", "gmx.de"})
    void aDomainThatIsNoTypoGetsNoSuggestion(String domain) {
        assertThat(validator.validate("bob@" + domain).didYouMean()).isEmpty();
    }

    @Test
    void aSuggestionDoesNotChangeTheVerdict() {
        AddressValidation validation = validator.validate("bob@gmial.com");

        assertThat(validation.didYouMean()).contains("bob@gmail.com");
        assertThat(validation.reason()).isEqualTo(ValidationReason.INVALID_DOMAIN);
    }
}

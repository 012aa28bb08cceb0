package io.postyard.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AddressListParserTest {
    private final AddressListParser parser = new AddressListParser();

    @Test
    void theDocumentExampleParsesIntoNamedAndBareMailboxes() {
        ParsedAddressList result = parser.parse("Alice <alice@example.com>, bob@example.com");

        assertThat(result.parsed()).containsExactly(
            new ParsedAddress(Optional.of("Alice"), "alice@example.com", "alice", "example.com"),
            new ParsedAddress(Optional.empty(), "bob@example.com", "bob", "example.com"));
        assertThat(result.unparseable()).isEmpty();
    }

    @Test
    void aQuotedDisplayNameMayHoldAComma() {
        ParsedAddressList result = parser.parse(
            "Alice <alice@example.com>, bob@example.com, \"Smith, John\" <john@example.com>, not an address");

        assertThat(result.parsed()).extracting(ParsedAddress::email)
            .containsExactly("alice@example.com", "bob@example.com", "john@example.com");
        assertThat(result.parsed().get(2).name()).contains("Smith, John");
        assertThat(result.unparseable()).containsExactly("not an address");
    }

    @Test
    void escapedQuotesInADisplayNameAreUnescaped() {
        assertThat(parser.parse("\"Bob \\\"The Builder\\\" Smith\" <bob@example.com>").parsed())
            .singleElement().satisfies(address -> assertThat(address.name()).contains("Bob \"The Builder\" Smith"));
    }

    @Test
    void anUnquotedCommaSplitsTheEntry() {
        ParsedAddressList result = parser.parse("Smith, John <john@example.com>");

        assertThat(result.parsed()).containsExactly(
            new ParsedAddress(Optional.of("John"), "john@example.com", "john", "example.com"));
        assertThat(result.unparseable()).containsExactly("Smith");
    }

    @Test
    void piecesThatAreNoMailboxAreUnparseableAsWritten() {
        ParsedAddressList result = parser.parse(
            "bob@, @example.com, alice@bob@example.com, carol@exa_mple.com, Dan <dan@-example.com>, eve@example.com, "
                + "Fay <fay@example.com");

        assertThat(result.parsed()).extracting(ParsedAddress::email).containsExactly("eve@example.com");
        assertThat(result.unparseable()).containsExactly(
            "bob@", "@example.com", "alice@bob@example.com", "carol@exa_mple.com", "Dan <dan@-example.com>",
            "Fay <fay@example.com");
    }

    @Test
    void aGroupIsNotAMailbox() {
        ParsedAddressList result = parser.parse("team: alice@example.com, bob@example.com;, carol@example.com");

        assertThat(result.unparseable()).containsExactly("team: alice@example.com, bob@example.com;");
        assertThat(result.parsed()).extracting(ParsedAddress::email).containsExactly("carol@example.com");
    }

    @Test
    void emptyEntriesAreSkipped() {
        ParsedAddressList result = parser.parse(" , alice@example.com,, ,bob@example.com, ");

        assertThat(result.parsed()).extracting(ParsedAddress::email).containsExactly("alice@example.com", "bob@example.com");
        assertThat(result.unparseable()).isEmpty();
        assertThat(parser.parse("")).isEqualTo(new ParsedAddressList(List.of(), List.of()));
    }

    @Test
    void anEmptyDisplayNameIsNoName() {
        assertThat(parser.parse("\"\" <bob@example.com>, <carol@example.com>").parsed())
            .extracting(ParsedAddress::name).containsExactly(Optional.empty(), Optional.empty());
    }

    @Test
    void utf8AndEncodedWordDisplayNamesAreDecoded() {
        ParsedAddressList result = parser.parse(
            "Zoë Müller <zoe@example.com>, \"李雷, 韩梅梅\" <li@example.com>, =?UTF-8?Q?Jos=C3=A9?= <jose@example.com>");

        assertThat(result.parsed()).extracting(ParsedAddress::name).containsExactly(
            Optional.of("Zoë Müller"), Optional.of("李雷, 韩梅梅"), Optional.of("José"));
        assertThat(result.unparseable()).isEmpty();
    }

    @Test
    void aNonAsciiAddressIsUnparseableEvenWithANonAsciiName() {
        ParsedAddressList result = parser.parse("Zoë <zoë@example.com>");

        assertThat(result.parsed()).isEmpty();
        assertThat(result.unparseable()).containsExactly("Zoë <zoë@example.com>");
    }

    @Test
    void theDomainIsLowerCasedAndTheLocalPartKept() {
        assertThat(parser.parse("Bob <Bob.Smith@Example.COM>").parsed()).containsExactly(
            new ParsedAddress(Optional.of("Bob"), "Bob.Smith@example.com", "Bob.Smith", "example.com"));
    }

    @Test
    void aQuotedLocalPartStaysQuoted() {
        assertThat(parser.parse("\"bob smith\"@example.com").parsed()).containsExactly(
            new ParsedAddress(Optional.empty(), "\"bob smith\"@example.com", "\"bob smith\"", "example.com"));
    }

    @Test
    void anEntryWithALineBreakIsUnparseable() {
        ParsedAddressList result = parser.parse("Bob\r\n <bob@example.com>, carol@example.com");

        assertThat(result.unparseable()).containsExactly("Bob\r\n <bob@example.com>");
        assertThat(result.parsed()).extracting(ParsedAddress::email).containsExactly("carol@example.com");
    }
}

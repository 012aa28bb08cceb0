package io.postyard.mailgun.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {
    @Test
    void aReplyLosesItsAttributionQuoteAndSignature() {
        QuotedText.Stripped stripped = QuotedText.text("Thanks, that works.\n\n-- \nAnna\nAcme Ltd\n\nOn Tue, 8 Dec 2026, Bob wrote:\n> Try again\n");

        assertThat(stripped.text()).isEqualTo("Thanks, that works.");
        assertThat(stripped.signature()).contains("Anna\nAcme Ltd");
    }

    @Test
    void aMessageWithoutQuoteOrSignatureStaysWhole() {
        QuotedText.Stripped stripped = QuotedText.text("Line one\r\nLine two\r\n");

        assertThat(stripped.text()).isEqualTo("Line one\nLine two");
        assertThat(stripped.signature()).isEmpty();
    }

    @Test
    void quotedLinesAndOutlookSeparatorsStartTheQuote() {
        assertThat(QuotedText.text("Yes.\n> Shall we?\n").text()).isEqualTo("Yes.");
        assertThat(QuotedText.text("No.\n-----Original Message-----\nFrom: x\n").text()).isEqualTo("No.");
    }

    @Test
    void htmlLosesItsQuotesAndGivesATextVersion() {
        String html = "<html><body><p>Sure</p><div class=\"gmail_quote\">On Mon <blockquote>old</blockquote></div></body></html>";

        assertThat(QuotedText.html(html)).contains("Sure").doesNotContain("old").doesNotContain("gmail_quote");
        assertThat(QuotedText.textOf("<p>Hello<br>world</p><p>Bye</p>")).isEqualTo("Hello\nworld\nBye");
    }
}

package io.postyard.core.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ParsedMessageTest {
    private static ParsedMessage parse(String raw) {
        return ParsedMessage.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainMessageHasItsTextAndNoAttachments() {
        ParsedMessage message = parse("From: \"Alice A.\" <alice@a.example>\r\nTo: bob@b.example, carol@c.example\r\n"
            + "Subject: =?UTF-8?Q?caf=C3=A9?=\r\nMessage-ID: <m1@a.example>\r\n\r\nhello\r\n");

        assertThat(message.from()).contains("Alice A. <alice@a.example>");
        assertThat(message.to()).containsExactly("bob@b.example", "carol@c.example");
        assertThat(message.subject()).contains("café");
        assertThat(message.messageId()).contains("<m1@a.example>");
        assertThat(message.text()).hasValueSatisfying(text -> assertThat(text).contains("hello"));
        assertThat(message.html()).isEmpty();
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void alternativesAndAttachmentsAreSeparated() {
        ParsedMessage message = parse("From: a@a.example\r\nTo: b@b.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"M\"\r\n\r\n"
            + "--M\r\nContent-Type: multipart/alternative; boundary=\"A\"\r\n\r\n"
            + "--A\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nna=EFve\r\n"
            + "--A\r\nContent-Type: text/html\r\n\r\n<b>bold</b>\r\n--A--\r\n"
            + "--M\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\nfile text\r\n"
            + "--M\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\nContent-Disposition: inline; filename=\"=?UTF-8?B?bG9nw7YucG5n?=\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--M--\r\n");

        assertThat(message.text()).hasValueSatisfying(text -> assertThat(text).contains("naïve"));
        assertThat(message.html()).hasValueSatisfying(html -> assertThat(html).contains("<b>bold</b>"));
        assertThat(message.attachments()).hasSize(2);
        assertThat(message.attachments().get(0).filename()).isEqualTo("notes.txt");
        assertThat(new String(message.attachments().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("file text");
        assertThat(message.attachments().get(1).filename()).isEqualTo("logö.png");
        assertThat(message.attachments().get(1).inline()).isTrue();
        assertThat(message.attachments().get(1).contentId()).contains("<logo>");
        assertThat(message.attachments().get(1).content()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void malformedMailIsReadAsFarAsItGoes() {
        ParsedMessage message = parse("Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"X\"\r\n\r\n--X\r\n"
            + "Content-Type: text/plain\r\n\r\nunterminated");

        assertThat(message.subject()).contains("broken");
        assertThat(message.from()).isEmpty();
        assertThat(message.text()).hasValueSatisfying(text -> assertThat(text).contains("unterminated"));
    }
}

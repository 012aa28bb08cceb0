package io.postyard.core.sending;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

class SenderHeadersTest {
    private static final SenderIdentity OWN_DOMAIN = address -> address.getDomain().asString().equals("own.test");

    private static MimeMessage message(String headers) throws Exception {
        return new MimeMessage(MessageComposer.SESSION, new ByteArrayInputStream((headers + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ownAddressesInFromAndSenderPass() {
        assertThatCode(() -> SenderHeaders.check(OWN_DOMAIN, message("From: \"Ann\" <ann@own.test>, bob@own.test\r\nSender: app@own.test\r\n")))
            .doesNotThrowAnyException();
    }

    @Test
    void everyFromAddressIsChecked() {
        assertThatThrownBy(() -> SenderHeaders.check(OWN_DOMAIN, message("From: ann@own.test, ceo@bank.example\r\n")))
            .isInstanceOf(SenderNotAllowedException.class).hasMessageContaining("ceo@bank.example");
    }

    @Test
    void aSecondFromHeaderIsCheckedToo() {
        assertThatThrownBy(() -> SenderHeaders.check(OWN_DOMAIN, message("From: ann@own.test\r\nFrom: ceo@bank.example\r\n")))
            .isInstanceOf(SenderNotAllowedException.class);
    }

    @Test
    void aForeignSenderIsRefused() {
        assertThatThrownBy(() -> SenderHeaders.check(OWN_DOMAIN, message("From: ann@own.test\r\nSender: ceo@bank.example\r\n")))
            .isInstanceOf(SenderNotAllowedException.class)
            .extracting(e -> ((SenderNotAllowedException) e).field()).isEqualTo("sender");
    }

    @Test
    void groupMembersAreAddressesToo() {
        assertThatThrownBy(() -> SenderHeaders.check(OWN_DOMAIN, message("From: team: ann@own.test, ceo@bank.example;\r\n")))
            .isInstanceOf(SenderNotAllowedException.class);
    }

    @Test
    void aFromThatReadsAsNoAddressIsRefused() {
        assertThatThrownBy(() -> SenderHeaders.check(OWN_DOMAIN, message("From: <<<>>>\r\n")))
            .isInstanceOf(SenderNotAllowedException.class);
    }

    @Test
    void aMailboxSendsAsItselfOnly() throws Exception {
        SenderIdentity mailbox = SenderIdentity.mailbox(new MailAddress("ann@shared.test"));
        assertThatCode(() -> SenderHeaders.check(mailbox, message("From: Ann@Shared.test\r\n"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SenderHeaders.check(mailbox, message("From: bob@shared.test\r\n")))
            .isInstanceOf(SenderNotAllowedException.class);
    }
}

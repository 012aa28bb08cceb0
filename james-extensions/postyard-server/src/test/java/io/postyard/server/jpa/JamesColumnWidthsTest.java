package io.postyard.server.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.jpa.JPAMailRepository;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JamesColumnWidthsTest {
    @RegisterExtension
    static JamesJpaTestDatabase database = new JamesJpaTestDatabase();

    @Test
    void aMailWithALongErrorFromAnIpv6ClientIsKeptInAMailRepository() throws Exception {
        JPAMailRepository repository = new JPAMailRepository(database.james(), MailRepositoryUrl.from("jpa://var/mail/error"));
        Mail mail = FakeMail.builder().name("long-error")
            .sender("a@sender.test")
            .recipient("b@example.test")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("hello").setText("hello"))
            .errorMessage("Exception calling LocalDelivery: " + "x".repeat(40_000))
            .remoteAddr("2001:0db8:85a3:0000:0000:8a2e:0370:7334")
            .lastUpdated(new Date())
            .state(Mail.ERROR)
            .build();

        MailKey key = repository.store(mail);

        Mail kept = repository.retrieve(key);
        assertThat(kept.getErrorMessage()).hasSize(mail.getErrorMessage().length());
        assertThat(kept.getRemoteAddr()).isEqualTo("2001:0db8:85a3:0000:0000:8a2e:0370:7334");
    }
}

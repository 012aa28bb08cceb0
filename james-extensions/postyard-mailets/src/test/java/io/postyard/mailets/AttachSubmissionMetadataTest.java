package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Collections;
import java.util.List;

import javax.mail.Header;
import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.domain.DomainState;
import io.postyard.core.sending.OutboundMetadata;

class AttachSubmissionMetadataTest {
    private final TestDomains domains = new TestDomains();
    private final FakeMailContext context = FakeMailContext.defaultContext();
    private final AttachSubmissionMetadata mailet = new AttachSubmissionMetadata(domains.service);

    @BeforeEach
    void setUp() throws MessagingException {
        mailet.init(FakeMailetConfig.builder().mailetName("AttachSubmissionMetadata").mailetContext(context).build());
    }

    private static FakeMail submittedBy(String login, String raw) throws MessagingException {
        FakeMail mail = TestMails.mail(TestMails.message(raw), "reader@far.example");
        mail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(login)));
        return mail;
    }

    @Test
    void theMailgunHeadersOfAnAuthenticatedSubmissionBecomeItsMetadataAndAreRemoved() throws Exception {
        domains.add("sender.test", DomainState.ACTIVE);
        FakeMail mail = submittedBy("app@sender.test", """
            From: app@sender.test
            To: reader@far.example
            Subject: Over SMTP
            Message-ID: <smtp-1@sender.test>
            X-Mailgun-Tag: first
            X-Mailgun-Tag: second
            X-Mailgun-Variables: {"order": "17", "items": [1, 2]}
            X-Mailgun-Track-Clicks: yes
            X-Mailgun-Dkim: no
            X-Mailgun-Callback-URL: https://hooks.example/callback

            submitted
            """);

        mailet.service(mail);

        OutboundMetadata metadata = OutboundMetadata.of(mail).orElseThrow();
        assertThat(metadata.account()).isEqualTo(TestMails.ACCOUNT.value());
        assertThat(metadata.domain()).isEqualTo("sender.test");
        assertThat(metadata.messageId()).isEqualTo("<smtp-1@sender.test>");
        assertThat(metadata.from()).contains("app@sender.test");
        assertThat(metadata.subject()).contains("Over SMTP");
        assertThat(metadata.tags()).containsExactly("first", "second");
        assertThat(metadata.variables()).containsOnly(entry("order", "17"), entry("items", "[1,2]"));
        assertThat(metadata.trackClicks()).contains(true);
        assertThat(metadata.trackOpens()).isEmpty();
        assertThat(metadata.dkim()).contains(false);
        assertThat(metadata.testMode()).isFalse();
        assertThat(metadata.callbackUrl()).contains("https://hooks.example/callback");
        assertThat(Collections.list(mail.getMessage().getAllHeaders())).extracting(Header::getName)
            .noneMatch(name -> name.startsWith("X-Mailgun-"));
        assertThat(mail.getMessage().getMessageID()).isEqualTo("<smtp-1@sender.test>");
    }

    @Test
    void aSubmissionWithoutMessageIdIsGivenOneInItsDomain() throws Exception {
        domains.add("sender.test", DomainState.ACTIVE);
        FakeMail mail = submittedBy("app@sender.test", """
            From: app@sender.test
            To: reader@far.example
            Subject: No id
            X-Mailgun-Drop-Message: yes

            submitted
            """);

        mailet.service(mail);

        OutboundMetadata metadata = OutboundMetadata.of(mail).orElseThrow();
        assertThat(metadata.messageId()).matches("<[0-9a-f-]{36}@sender\\.test>");
        assertThat(mail.getMessage().getMessageID()).isEqualTo(metadata.messageId());
        assertThat(metadata.testMode()).isTrue();
    }

    @Test
    void mailFromADisabledDomainIsBouncedToItsSenderAndStops() throws Exception {
        domains.add("sender.test", DomainState.DISABLED);
        FakeMail mail = submittedBy("app@sender.test", """
            From: app@sender.test
            To: reader@far.example
            Subject: Blocked
            X-Mailgun-Tag: kept

            submitted
            """);

        mailet.service(mail);

        assertThat(context.getBouncedMails()).singleElement()
            .satisfies(bounce -> assertThat(bounce.getMessage()).isEqualTo("Domain sender.test is disabled and cannot send"));
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(OutboundMetadata.of(mail)).isEmpty();
    }

    @Test
    void mailThatAlreadyHasMetadataOrNoKnownLoginIsLeftAsItIs() throws Exception {
        domains.add("sender.test", DomainState.ACTIVE);
        FakeMail apiMail = TestMails.outbound(TestMails.metadata().tags(List.of("api")).build(), "reader@far.example");
        apiMail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("app@sender.test")));
        FakeMail stranger = submittedBy("someone@unknown.example", """
            From: someone@unknown.example
            To: reader@far.example
            Subject: Not ours
            X-Mailgun-Tag: foreign

            hi
            """);

        mailet.service(apiMail);
        mailet.service(stranger);

        assertThat(OutboundMetadata.of(apiMail).orElseThrow().tags()).containsExactly("api");
        assertThat(OutboundMetadata.of(stranger)).isEmpty();
        assertThat(stranger.getMessage().getHeader("X-Mailgun-Tag")).containsExactly("foreign");
        assertThat(context.getBouncedMails()).isEmpty();
    }
}

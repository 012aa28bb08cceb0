package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.domain.DomainState;

class IsPostyardOutboundTest {
    private final TestDomains domains = new TestDomains();
    private final IsPostyardOutbound matcher = new IsPostyardOutbound(domains.service);

    @BeforeEach
    void setUp() throws MessagingException {
        domains.add("sender.test", DomainState.ACTIVE);
        matcher.init(FakeMatcherConfig.builder().matcherName("IsPostyardOutbound")
            .mailetContext(FakeMailContext.defaultContext()).build());
    }

    private static FakeMail submittedBy(String login) throws MessagingException {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "one@far.example", "two@far.example");
        mail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(login)));
        return mail;
    }

    @Test
    void mailBuiltByAProviderApiMatchesAllItsRecipients() throws Exception {
        FakeMail mail = TestMails.outbound("one@far.example", "two@far.example");

        assertThat(TestMails.addresses(matcher.match(mail))).containsExactly("one@far.example", "two@far.example");
    }

    @Test
    void mailSubmittedByALoginOfAnAccountDomainMatches() throws Exception {
        assertThat(TestMails.addresses(matcher.match(submittedBy("app@sender.test"))))
            .containsExactly("one@far.example", "two@far.example");
    }

    @Test
    void aLoginOfAnotherDomainOrNoLoginAtAllDoesNotMatch() throws Exception {
        FakeMail inbound = TestMails.mail(TestMails.plainMessage(), "someone@sender.test");

        assertThat(matcher.match(submittedBy("user@elsewhere.example"))).isEmpty();
        assertThat(matcher.match(inbound)).isEmpty();
    }
}

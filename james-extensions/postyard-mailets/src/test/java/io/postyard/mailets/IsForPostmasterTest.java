package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IsForPostmasterTest {
    private final IsForPostmaster matcher = new IsForPostmaster();

    @BeforeEach
    void setUp() throws Exception {
        FakeMailContext context = FakeMailContext.builder().postmaster(new MailAddress("ops@operator.example")).build();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsForPostmaster").mailetContext(context).build());
    }

    @Test
    void onlyTheOperatorsPostmasterAddressAmongTheRecipientsMatches() throws Exception {
        var mail = TestMails.mail(TestMails.plainMessage(), "user@sender.test", "ops@operator.example");

        assertThat(TestMails.addresses(matcher.match(mail))).containsExactly("ops@operator.example");
    }

    @Test
    void mailWithoutThePostmasterAmongItsRecipientsDoesNotMatch() throws Exception {
        var mail = TestMails.mail(TestMails.plainMessage(), "postmaster@sender.test", "user@sender.test");

        assertThat(matcher.match(mail)).isEmpty();
    }
}

package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

import io.postyard.core.inbound.InboundRouter;

class RouteReceivedMailTest {
    /** Takes the recipients whose local part starts with the prefix. */
    private record TakesPrefix(String prefix) implements InboundRouter {
        @Override
        public boolean mayTake(MailAddress recipient) {
            return recipient.getLocalPart().startsWith(prefix);
        }

        @Override
        public Routing route(Mail mail) {
            return Routing.took(mail.getRecipients().stream().filter(this::mayTake).collect(Collectors.toSet()));
        }
    }

    private static RouteReceivedMail mailet(InboundRouter... routers) throws Exception {
        RouteReceivedMail mailet = new RouteReceivedMail(Set.of(routers));
        mailet.init(FakeMailetConfig.builder().mailetName("RouteReceivedMail").mailetContext(FakeMailContext.defaultContext()).build());
        return mailet;
    }

    @Test
    void theRecipientsARouterTakesLeaveTheMailAndTheOthersGoOn() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "support-1@local.test", "anna@local.test");

        mailet(new TakesPrefix("support")).service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("anna@local.test"));
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    @Test
    void aMailWhoseRecipientsWereAllTakenEndsHere() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "support-1@local.test", "sales@local.test");

        mailet(new TakesPrefix("support"), new TakesPrefix("sales")).service(mail);

        assertThat(mail.getRecipients()).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void withoutRoutersMailGoesOnUntouched() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "support-1@local.test");

        mailet().service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("support-1@local.test"));
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    @Test
    void aRefusedRecipientIsHandedToTheRefusedProcessorWithItsReason() throws Exception {
        FakeMailContext context = FakeMailContext.defaultContext();
        InboundRouter refusesLists = new InboundRouter() {
            @Override
            public boolean mayTake(MailAddress recipient) {
                return true;
            }

            @Override
            public Routing route(Mail mail) throws javax.mail.MessagingException {
                return new Routing(Set.of(), java.util.Map.of(new MailAddress("club@local.test"), "Only members may post"));
            }
        };
        RouteReceivedMail mailet = new RouteReceivedMail(Set.of(refusesLists));
        mailet.init(FakeMailetConfig.builder().mailetName("RouteReceivedMail").mailetContext(context).build());
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "club@local.test", "anna@local.test");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("anna@local.test"));
        assertThat(context.getSentMails()).hasSize(1);
        FakeMailContext.SentMail refused = context.getSentMails().get(0);
        assertThat(refused.getRecipients()).containsExactly(new MailAddress("club@local.test"));
        assertThat(refused.getState()).isEqualTo("route-refused");
    }
}

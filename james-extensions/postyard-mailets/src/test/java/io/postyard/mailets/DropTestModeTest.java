package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;

class DropTestModeTest {
    private final RecordedEvents events = new RecordedEvents();
    private final DropTestMode mailet = new DropTestMode(events.outbound);

    @BeforeEach
    void setUp() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("DropTestMode").mailetContext(FakeMailContext.defaultContext()).build());
    }

    @Test
    void aTestModeMessageShowsAsDeliveredToEachRecipientButGoesNoFurther() throws Exception {
        FakeMail mail = TestMails.outbound(TestMails.metadata().testMode(true).build(), "one@far.example", "two@far.example");

        mailet.service(mail);

        assertThat(events.recipientsOf(EventType.DELIVERED)).containsExactly("one@far.example", "two@far.example");
        DeliveryStatus status = events.all().get(0).deliveryStatus().orElseThrow();
        assertThat(status.code()).contains(250);
        assertThat(status.message()).isEqualTo("Test mode: not delivered");
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void anOrdinaryMessageGoesOnUntouched() throws Exception {
        FakeMail outbound = TestMails.outbound("one@far.example");
        FakeMail inbound = TestMails.mail(TestMails.plainMessage(), "one@sender.test");

        mailet.service(outbound);
        mailet.service(inbound);

        assertThat(events.all()).isEmpty();
        assertThat(outbound.getState()).isEqualTo(Mail.DEFAULT);
        assertThat(inbound.getState()).isEqualTo(Mail.DEFAULT);
    }
}

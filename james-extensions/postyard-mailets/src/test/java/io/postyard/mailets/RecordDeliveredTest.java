package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

class RecordDeliveredTest {
    private final RecordedEvents events = new RecordedEvents();

    private RecordDelivered mailet(PostyardSettings settings, String mode) throws MessagingException {
        RecordDelivered mailet = new RecordDelivered(events.outbound, settings);
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("RecordDelivered")
            .mailetContext(FakeMailContext.defaultContext());
        if (mode != null) {
            config.setProperty("mode", mode);
        }
        mailet.init(config.build());
        return mailet;
    }

    private DeliveryStatus onlyStatus() {
        return events.ofType(EventType.DELIVERED).get(0).deliveryStatus().orElseThrow();
    }

    @Test
    void aRemoteDeliveryIsRecordedPerRecipientWithTheAttemptItTook() throws Exception {
        FakeMail mail = TestMails.outbound("one@far.example", "two@far.example");
        mail.setAttribute(new Attribute(RecordDelivered.RETRY_COUNT, AttributeValue.of(2)));

        mailet(PostyardSettings.defaults(), null).service(mail);

        assertThat(events.recipientsOf(EventType.DELIVERED)).containsExactly("one@far.example", "two@far.example");
        assertThat(onlyStatus()).isEqualTo(new DeliveryStatus(Optional.of(250), Optional.of("2.0.0"), "OK",
            Optional.of("far.example"), 3));
    }

    @Test
    void throughAnSmtpGatewayTheGatewayIsNamedAsTheReceivingHost() throws Exception {
        PostyardSettings settings = PostyardSettings.defaults().with(Setting.SMTP_GATEWAY, "relay.test:2525, backup.test:25");

        mailet(settings, "remote").service(TestMails.outbound("one@far.example"));

        assertThat(onlyStatus().mxHost()).contains("relay.test:2525");
        assertThat(onlyStatus().attemptNo()).isEqualTo(1);
    }

    @Test
    void aLocalDeliveryIsRecordedAsDeliveredToALocalMailbox() throws Exception {
        mailet(PostyardSettings.defaults(), "local").service(TestMails.outbound("one@sender.test"));

        assertThat(onlyStatus().message()).isEqualTo("Delivered to a local mailbox");
        assertThat(onlyStatus().mxHost()).contains("localhost");
    }

    @Test
    void mailWithoutOutboundMetadataRecordsNothing() throws Exception {
        mailet(PostyardSettings.defaults(), null).service(TestMails.mail(TestMails.plainMessage(), "one@sender.test"));

        assertThat(events.all()).isEmpty();
    }
}

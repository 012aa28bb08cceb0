package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;

class RecordAcceptedTest {
    private final RecordedEvents events = new RecordedEvents();
    private final RecordAccepted mailet = new RecordAccepted(events.outbound);

    @BeforeEach
    void setUp() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("RecordAccepted").mailetContext(FakeMailContext.defaultContext()).build());
    }

    @Test
    void eachRecipientOfAnOutgoingMessageGetsAnAcceptedEventCarryingItsMessage() throws Exception {
        FakeMail mail = TestMails.outbound(TestMails.metadata()
            .tags(List.of("newsletter"))
            .variables(Map.of("order", "17"))
            .callbackUrl(Optional.of("https://hooks.example/callback"))
            .build(), "one@far.example", "two@far.example");

        mailet.service(mail);

        assertThat(events.recipientsOf(EventType.ACCEPTED)).containsExactly("one@far.example", "two@far.example");
        PostyardEvent first = events.all().get(0);
        assertThat(first.account()).isEqualTo(TestMails.ACCOUNT);
        assertThat(first.domain().asString()).isEqualTo(TestMails.DOMAIN);
        assertThat(first.messageId()).contains(TestMails.MESSAGE_ID);
        assertThat(first.tags()).containsExactly("newsletter");
        assertThat(first.userVariables()).containsExactly(entry("order", "17"));
        assertThat(first.message().orElseThrow().to()).contains("one@far.example");
        assertThat(first.message().orElseThrow().subject()).contains("Hello");
        assertThat(first.details()).containsExactly(entry(OutboundEvents.CALLBACK_URL, "https://hooks.example/callback"));
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    @Test
    void mailWithoutOutboundMetadataRecordsNothing() throws Exception {
        mailet.service(TestMails.mail(TestMails.plainMessage(), "one@sender.test"));

        assertThat(events.all()).isEmpty();
    }
}

package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.james.core.Domain;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;
import io.postyard.core.suppression.MemorySuppressionStore;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;

class RecordDeliveryFailureTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Domain SENDER = Domain.of(TestMails.DOMAIN);

    private final RecordedEvents events = new RecordedEvents();
    private final SuppressionService suppressions = new SuppressionService(new MemorySuppressionStore());
    private final RecordDeliveryFailure mailet = new RecordDeliveryFailure(events.outbound, suppressions,
        Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("RecordDeliveryFailure").mailetContext(FakeMailContext.defaultContext()).build());
    }

    /** With the attributes RemoteDelivery leaves on a mail it sends to its bounce processor. */
    private static FakeMail failed(String error, int code, boolean permanent, String... recipients) throws Exception {
        FakeMail mail = TestMails.outbound(recipients);
        mail.setAttribute(new Attribute(RecordDeliveryFailure.DELIVERY_ERROR, AttributeValue.of(error)));
        mail.setAttribute(new Attribute(RecordDeliveryFailure.DELIVERY_ERROR_CODE, AttributeValue.of(code)));
        mail.setAttribute(new Attribute(RecordDeliveryFailure.PERMANENT, AttributeValue.of(permanent)));
        return mail;
    }

    @Test
    void aMailboxThatDoesNotExistIsRecordedAsAPermanentBounceAndListed() throws Exception {
        FakeMail mail = failed("550 5.1.1 <gone@far.example>: Recipient address rejected: User unknown", 550, true,
            "gone@far.example");

        mailet.service(mail);

        PostyardEvent failed = events.ofType(EventType.FAILED).get(0);
        assertThat(failed.recipient()).contains("gone@far.example");
        assertThat(failed.severity()).contains(Severity.PERMANENT);
        assertThat(failed.reason()).contains("bounce");
        assertThat(failed.deliveryStatus().orElseThrow().code()).contains(550);
        assertThat(failed.deliveryStatus().orElseThrow().enhancedCode()).contains("5.1.1");
        assertThat(failed.deliveryStatus().orElseThrow().attemptNo()).isEqualTo(1);
        Suppression listed = suppressions.get(SENDER, SuppressionType.BOUNCES, "gone@far.example").orElseThrow();
        assertThat(listed.code()).contains("550");
        assertThat(listed.createdAt()).isEqualTo(NOW);
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void aPolicyRejectionIsAFailureButDoesNotListTheAddress() throws Exception {
        FakeMail mail = failed("550 5.7.1 Message rejected due to spam content", 550, true, "strict@far.example");

        mailet.service(mail);

        assertThat(events.recipientsOf(EventType.FAILED)).containsExactly("strict@far.example");
        assertThat(suppressions.get(SENDER, SuppressionType.BOUNCES, "strict@far.example")).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void aTemporaryFailureThatRanOutOfRetriesIsRecordedAsOld() throws Exception {
        FakeMail mail = failed("421 4.4.2 Connection timed out", 421, false, "slow@far.example", "late@far.example");
        mail.setAttribute(new Attribute(RecordDelivered.RETRY_COUNT, AttributeValue.of(4)));

        mailet.service(mail);

        assertThat(events.recipientsOf(EventType.FAILED)).containsExactly("slow@far.example", "late@far.example");
        assertThat(events.all()).allSatisfy(event -> {
            assertThat(event.reason()).contains("old");
            assertThat(event.severity()).contains(Severity.PERMANENT);
            assertThat(event.deliveryStatus().orElseThrow().attemptNo()).isEqualTo(5);
        });
        assertThat(suppressions.get(SENDER, SuppressionType.BOUNCES, "slow@far.example")).isEmpty();
    }
}

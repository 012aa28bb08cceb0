package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
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
import io.postyard.core.suppression.WhitelistKind;

class EnforceSuppressionsTest {
    private static final Domain SENDER = Domain.of(TestMails.DOMAIN);

    private final RecordedEvents events = new RecordedEvents();
    private final SuppressionService suppressions = new SuppressionService(new MemorySuppressionStore());
    private final EnforceSuppressions mailet = new EnforceSuppressions(suppressions, events.outbound);

    @BeforeEach
    void setUp() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("EnforceSuppressions").mailetContext(FakeMailContext.defaultContext()).build());
    }

    private void list(SuppressionType type, String value, List<String> tags) {
        Optional<WhitelistKind> kind = type == SuppressionType.WHITELISTS
            ? Optional.of(value.contains("@") ? WhitelistKind.ADDRESS : WhitelistKind.DOMAIN)
            : Optional.empty();
        suppressions.add(new Suppression(SENDER, type, value, Optional.empty(), Optional.empty(), tags, kind, Instant.now()));
    }

    @Test
    void aRecipientOnTheBounceListIsRemovedAndReportedAsFailedWhileTheOthersGoOn() throws Exception {
        list(SuppressionType.BOUNCES, "gone@far.example", List.of());
        FakeMail mail = TestMails.outbound("gone@far.example", "fine@far.example");

        mailet.service(mail);

        assertThat(TestMails.addresses(mail.getRecipients())).containsExactly("fine@far.example");
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
        PostyardEvent failed = events.all().get(0);
        assertThat(events.all()).hasSize(1);
        assertThat(failed.type()).isEqualTo(EventType.FAILED);
        assertThat(failed.recipient()).contains("gone@far.example");
        assertThat(failed.severity()).contains(Severity.PERMANENT);
        assertThat(failed.reason()).contains("suppress-bounce");
    }

    @Test
    void mailWhoseRecipientsAreAllSuppressedStops() throws Exception {
        list(SuppressionType.COMPLAINTS, "angry@far.example", List.of());
        list(SuppressionType.UNSUBSCRIBES, "left@far.example", List.of(Suppression.ALL_TAGS));
        FakeMail mail = TestMails.outbound("angry@far.example", "left@far.example");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(events.all()).extracting(event -> event.reason().orElseThrow())
            .containsExactly("suppress-complaint", "suppress-unsubscribe");
    }

    @Test
    void anUnsubscribeFromOneTagOnlyStopsMessagesWithThatTag() throws Exception {
        list(SuppressionType.UNSUBSCRIBES, "reader@far.example", List.of("promotions"));
        FakeMail receipt = TestMails.outbound(TestMails.metadata().tags(List.of("receipts")).build(), "reader@far.example");
        FakeMail promotion = TestMails.outbound(TestMails.metadata().tags(List.of("promotions")).build(), "reader@far.example");

        mailet.service(receipt);
        mailet.service(promotion);

        assertThat(receipt.getState()).isEqualTo(Mail.DEFAULT);
        assertThat(TestMails.addresses(receipt.getRecipients())).containsExactly("reader@far.example");
        assertThat(promotion.getState()).isEqualTo(Mail.GHOST);
        assertThat(events.recipientsOf(EventType.FAILED)).containsExactly("reader@far.example");
    }

    @Test
    void aWhitelistedDomainIsNeverSuppressed() throws Exception {
        list(SuppressionType.BOUNCES, "vip@partner.example", List.of());
        list(SuppressionType.WHITELISTS, "partner.example", List.of());
        FakeMail mail = TestMails.outbound("vip@partner.example");

        mailet.service(mail);

        assertThat(TestMails.addresses(mail.getRecipients())).containsExactly("vip@partner.example");
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
        assertThat(events.all()).isEmpty();
    }
}

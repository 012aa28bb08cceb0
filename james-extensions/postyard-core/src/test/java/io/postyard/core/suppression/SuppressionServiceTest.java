package io.postyard.core.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

class SuppressionServiceTest {
    private static final Domain DOMAIN = Domain.of("sender.test");

    private final SuppressionService service = new SuppressionService(new MemorySuppressionStore());

    private static Suppression entry(SuppressionType type, String value, List<String> tags) {
        Optional<WhitelistKind> kind = type != SuppressionType.WHITELISTS ? Optional.empty()
            : Optional.of(value.contains("@") ? WhitelistKind.ADDRESS : WhitelistKind.DOMAIN);
        return new Suppression(DOMAIN, type, value, Optional.empty(), Optional.empty(), tags, kind, Instant.now());
    }

    private Optional<Suppression> suppressionFor(String recipient, String... tags) throws Exception {
        return service.suppressionFor(DOMAIN, new MailAddress(recipient), List.of(tags));
    }

    @Test
    void aBouncedAddressIsSuppressedWhateverItsCase() throws Exception {
        service.add(entry(SuppressionType.BOUNCES, "Gone@Example.com", List.of()));

        assertThat(suppressionFor("gone@example.com")).hasValueSatisfying(s -> assertThat(s.type()).isEqualTo(SuppressionType.BOUNCES));
        assertThat(suppressionFor("here@example.com")).isEmpty();
    }

    @Test
    void aWhitelistedAddressOrDomainIsNeverSuppressed() throws Exception {
        service.add(entry(SuppressionType.COMPLAINTS, "seed@example.com", List.of()));
        service.add(entry(SuppressionType.BOUNCES, "qa@partner.example", List.of()));
        service.add(entry(SuppressionType.WHITELISTS, "seed@example.com", List.of()));
        service.add(entry(SuppressionType.WHITELISTS, "partner.example", List.of()));

        assertThat(suppressionFor("seed@example.com")).isEmpty();
        assertThat(suppressionFor("qa@partner.example")).isEmpty();
    }

    @Test
    void anUnsubscribeAppliesToItsTagsOrToEverythingWithAStar() throws Exception {
        service.add(entry(SuppressionType.UNSUBSCRIBES, "reader@example.com", List.of("newsletter")));
        service.add(entry(SuppressionType.UNSUBSCRIBES, "gone@example.com", List.of(Suppression.ALL_TAGS)));

        assertThat(suppressionFor("reader@example.com", "newsletter")).isPresent();
        assertThat(suppressionFor("reader@example.com", "receipts")).isEmpty();
        assertThat(suppressionFor("reader@example.com")).isEmpty();
        assertThat(suppressionFor("gone@example.com", "receipts")).isPresent();
    }

    @Test
    void removingTheLastTagRemovesTheUnsubscribe() {
        service.add(entry(SuppressionType.UNSUBSCRIBES, "reader@example.com", List.of("a")));
        service.add(entry(SuppressionType.UNSUBSCRIBES, "reader@example.com", List.of("b")));

        assertThat(service.removeUnsubscribeTag(DOMAIN, "reader@example.com", "a")).isTrue();
        assertThat(service.get(DOMAIN, SuppressionType.UNSUBSCRIBES, "reader@example.com").orElseThrow().tags()).containsExactly("b");
        assertThat(service.removeUnsubscribeTag(DOMAIN, "reader@example.com", "b")).isTrue();
        assertThat(service.get(DOMAIN, SuppressionType.UNSUBSCRIBES, "reader@example.com")).isEmpty();
        assertThat(service.removeUnsubscribeTag(DOMAIN, "reader@example.com", "b")).isFalse();
    }

    @Test
    void pagesAreReadByPositionInBothDirections() {
        for (String address : List.of("a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test")) {
            service.add(entry(SuppressionType.BOUNCES, address, List.of()));
        }

        SuppressionPage first = service.page(DOMAIN, SuppressionType.BOUNCES, PageRequest.first(2));
        SuppressionPage next = service.page(DOMAIN, SuppressionType.BOUNCES,
            new PageRequest(PageRequest.Position.NEXT, Optional.of("b@x.test"), 2));
        SuppressionPage last = service.page(DOMAIN, SuppressionType.BOUNCES, new PageRequest(PageRequest.Position.LAST, Optional.empty(), 2));
        SuppressionPage previous = service.page(DOMAIN, SuppressionType.BOUNCES,
            new PageRequest(PageRequest.Position.PREVIOUS, Optional.of("d@x.test"), 2));

        assertThat(first.items()).extracting(Suppression::value).containsExactly("a@x.test", "b@x.test");
        assertThat(first.hasBefore()).isFalse();
        assertThat(first.hasAfter()).isTrue();
        assertThat(next.items()).extracting(Suppression::value).containsExactly("c@x.test", "d@x.test");
        assertThat(last.items()).extracting(Suppression::value).containsExactly("d@x.test", "e@x.test");
        assertThat(last.hasAfter()).isFalse();
        assertThat(previous.items()).extracting(Suppression::value).containsExactly("b@x.test", "c@x.test");
        assertThat(service.pageAtOffset(DOMAIN, SuppressionType.BOUNCES, 4, 10).items()).extracting(Suppression::value)
            .containsExactly("e@x.test");
    }
}

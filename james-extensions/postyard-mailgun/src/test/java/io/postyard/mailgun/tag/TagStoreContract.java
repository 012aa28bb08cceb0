package io.postyard.mailgun.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/** What every {@link TagStore} does. Each test uses a domain of its own; tags are lower case, so every collation agrees. */
public abstract class TagStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract TagStore store();

    @Test
    void aFirstSightingCreatesTheTagWithAnEmptyDescription() {
        store().seen(domain, "news", T0);

        assertThat(store().get(domain, "news")).contains(new DomainTag(domain, "news", "", T0, T0));
        assertThat(store().get(domain, "other")).isEmpty();
        assertThat(store().get(Domain.of("elsewhere.contract.test"), "news")).isEmpty();
    }

    @Test
    void sightingsOnlyWidenTheRangeWhateverTheirOrder() {
        store().seen(domain, "news", T0);
        store().seen(domain, "news", T0.plusSeconds(60));
        store().seen(domain, "news", T0.minusSeconds(60));
        store().seen(domain, "news", T0.plusSeconds(30));

        DomainTag tag = store().get(domain, "news").orElseThrow();
        assertThat(tag.firstSeen()).isEqualTo(T0.minusSeconds(60));
        assertThat(tag.lastSeen()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aDescriptionIsKeptAcrossSightings() {
        store().seen(domain, "news", T0);

        assertThat(store().describe(domain, "news", "Weekly news")).isTrue();
        store().seen(domain, "news", T0.plusSeconds(60));

        assertThat(store().get(domain, "news").orElseThrow().description()).isEqualTo("Weekly news");
        assertThat(store().describe(domain, "unknown", "x")).isFalse();
        assertThat(store().get(domain, "unknown")).isEmpty();
    }

    @Test
    void aDeletedTagIsGoneAndComesBackFreshWhenSeenAgain() {
        store().seen(domain, "news", T0);
        store().describe(domain, "news", "Weekly news");

        assertThat(store().delete(domain, "news")).isTrue();
        assertThat(store().delete(domain, "news")).isFalse();
        assertThat(store().get(domain, "news")).isEmpty();

        store().seen(domain, "news", T0.plusSeconds(60));
        assertThat(store().get(domain, "news")).contains(new DomainTag(domain, "news", "", T0.plusSeconds(60), T0.plusSeconds(60)));
    }

    @Test
    void pagesFollowTagOrder() {
        IntStream.range(0, 7).forEach(i -> store().seen(domain, "tag-" + i, T0));

        assertThat(store().after(domain, Optional.empty(), 3)).extracting(DomainTag::tag).containsExactly("tag-0", "tag-1", "tag-2");
        assertThat(store().after(domain, Optional.of("tag-2"), 3)).extracting(DomainTag::tag).containsExactly("tag-3", "tag-4", "tag-5");
        assertThat(store().after(domain, Optional.of("tag-5"), 3)).extracting(DomainTag::tag).containsExactly("tag-6");
        assertThat(store().after(domain, Optional.of("tag-6"), 3)).isEmpty();
    }

    @Test
    void deletingEveryTagOfADomainLeavesOtherDomainsAlone() {
        Domain other = Domain.of(UUID.randomUUID() + ".contract.test");
        store().seen(domain, "news", T0);
        store().seen(other, "news", T0);

        store().deleteAll(domain);

        assertThat(store().after(domain, Optional.empty(), 10)).isEmpty();
        assertThat(store().get(other, "news")).isPresent();
    }
}

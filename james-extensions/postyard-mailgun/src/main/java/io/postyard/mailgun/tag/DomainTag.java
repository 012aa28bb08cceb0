package io.postyard.mailgun.tag;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Domain;

/** A tag a domain's sends have carried: when it was first and last seen, and the description the user gave it. */
public record DomainTag(Domain domain, String tag, String description, Instant firstSeen, Instant lastSeen) {
    public DomainTag {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(tag);
        Objects.requireNonNull(description);
        Objects.requireNonNull(firstSeen);
        Objects.requireNonNull(lastSeen);
    }

    /** Seen again at {@code at}: the range only widens, whatever order the sightings arrive in. */
    public DomainTag seenAt(Instant at) {
        return new DomainTag(domain, tag, description, at.isBefore(firstSeen) ? at : firstSeen,
            at.isAfter(lastSeen) ? at : lastSeen);
    }

    public DomainTag describedAs(String newDescription) {
        return new DomainTag(domain, tag, newDescription, firstSeen, lastSeen);
    }
}

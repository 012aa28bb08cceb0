package io.postyard.mailgun.tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

/** The tags of each domain, in tag order. Tags are case-sensitive, as Mailgun keeps them. */
public interface TagStore {
    /** Records a sighting: creates the tag with an empty description, or widens its first/last seen. */
    void seen(Domain domain, String tag, Instant at);

    Optional<DomainTag> get(Domain domain, String tag);

    /** False when the tag does not exist. */
    boolean describe(Domain domain, String tag, String description);

    /** False when the tag did not exist. */
    boolean delete(Domain domain, String tag);

    void deleteAll(Domain domain);

    /** Up to {@code limit} tags after {@code after} (from the first when empty), in tag order. */
    List<DomainTag> after(Domain domain, Optional<String> after, int limit);
}

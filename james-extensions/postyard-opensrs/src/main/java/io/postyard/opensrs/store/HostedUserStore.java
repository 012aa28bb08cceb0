package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

public interface HostedUserStore {
    /** Stores a new user unless one of that name exists; tells whether it was stored. */
    boolean insertIfAbsent(HostedUser user);

    void save(HostedUser user);

    Optional<HostedUser> get(Username name);

    /** The renamed user whose former name this is, while that name still holds the password. */
    Optional<HostedUser> byFormerName(Username formerName);

    /** The domain's users, deleted ones included, ordered by name. */
    List<HostedUser> list(Domain domain);

    /** Users deleted before {@code instant}, at most {@code limit}. */
    List<HostedUser> deletedBefore(Instant instant, int limit);

    void delete(Username name);
}

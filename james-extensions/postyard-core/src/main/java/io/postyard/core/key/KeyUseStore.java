package io.postyard.core.key;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** When each key was last used to authenticate a request, kept apart from the keys, which are written far less often. */
public interface KeyUseStore {
    /** Records a use; a use older than the one kept changes nothing. */
    void record(ApiKeyId key, Instant at);

    /** The last use of each of these keys that was ever used. */
    Map<ApiKeyId, Instant> lastUses(Collection<ApiKeyId> keys);
}

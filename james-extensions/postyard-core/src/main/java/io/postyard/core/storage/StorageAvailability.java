package io.postyard.core.storage;

/**
 * Tells a failure of the storage itself (unreachable, timing out, overloaded), which waiting cures, from any other
 * failure, so that mail meeting the first is kept and tried again rather than bounced.
 */
public interface StorageAvailability {
    /** Storage that lives in the process cannot be away: only a full disk is an outage. */
    StorageAvailability IN_PROCESS = new StorageAvailability() {
        @Override
        public boolean isOutage(Throwable failure) {
            return FullDisk.isCause(failure);
        }

        @Override
        public boolean isReachable() {
            return true;
        }
    };

    /** Whether this failure, or one of its causes, is the storage being unavailable. */
    boolean isOutage(Throwable failure);

    /** Whether the storage answers now. */
    boolean isReachable();
}

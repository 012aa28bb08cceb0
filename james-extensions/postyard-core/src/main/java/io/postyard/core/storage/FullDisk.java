package io.postyard.core.storage;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A write refused because the disk is full (the durable queue's journal, a database's file, on any profile), or new
 * mail refused because it nearly is ({@link LowDiskSpaceException}). It is an outage like a database being away: the
 * mail is kept or refused with a temporary answer, never lost.
 */
public final class FullDisk {
    /** The operating system's words for ENOSPC and EDQUOT, as the JDK reports them. */
    private static final List<String> MESSAGES = List.of("No space left on device", "Disk quota exceeded");

    private FullDisk() {
    }

    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof LowDiskSpaceException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null
                && MESSAGES.stream().anyMatch(cause.getMessage()::contains)) {
                return true;
            }
        }
        return false;
    }
}

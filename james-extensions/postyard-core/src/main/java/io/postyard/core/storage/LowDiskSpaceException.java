package io.postyard.core.storage;

/** New mail refused because the data directory's disk is nearly full ({@link DiskSpace}): a temporary condition. */
public class LowDiskSpaceException extends RuntimeException {
    public LowDiskSpaceException() {
        super("Less free disk space than disk.min.free.mb is left in the data directory");
    }
}

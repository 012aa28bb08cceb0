package io.postyard.core.lifecycle;

/** Work a module needs done once James is up and before the public API opens, such as creating its domain. */
public interface StartupTask {
    void run();
}

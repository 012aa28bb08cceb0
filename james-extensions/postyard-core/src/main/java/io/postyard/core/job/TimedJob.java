package io.postyard.core.job;

import java.time.Duration;

/** Work that runs on a schedule, such as expiring temporary addresses; the Camel runtime runs every registered one. */
public interface TimedJob {
    String name();

    Duration interval();

    void run();
}

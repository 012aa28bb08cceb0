package io.postyard.core.health;

/**
 * One condition for taking traffic, beyond James's health checks: a module that can hold the server back (start-up
 * not over, a dependency away) contributes one, and {@code /readyz} answers ready only when all hold.
 */
public interface ReadinessCheck {
    String component();

    boolean isReady();
}

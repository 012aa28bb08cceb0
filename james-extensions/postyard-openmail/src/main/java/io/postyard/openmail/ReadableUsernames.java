package io.postyard.openmail;

import java.security.SecureRandom;
import java.util.List;

/**
 * Usernames for inboxes created without one: two words and four digits ({@code brisk-otter-4821}), easy to read
 * aloud and type, from about nine million combinations.
 */
final class ReadableUsernames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ADJECTIVES = List.of("amber", "brave", "brisk", "calm", "clever", "crisp", "eager", "fair",
        "gentle", "glad", "golden", "happy", "keen", "kind", "lively", "lucky", "mellow", "merry", "nimble", "noble", "quick",
        "quiet", "rapid", "sunny", "swift", "tidy", "vivid", "warm", "wise", "witty");
    private static final List<String> NOUNS = List.of("badger", "beacon", "cedar", "comet", "crane", "delta", "falcon", "fern",
        "harbor", "heron", "lark", "maple", "meadow", "otter", "owl", "pebble", "pine", "raven", "river", "robin", "sparrow",
        "summit", "thistle", "tiger", "violet", "willow", "wren", "yarrow", "zephyr", "lynx");

    static String next() {
        return ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(RANDOM.nextInt(NOUNS.size())) + "-"
            + String.format("%04d", RANDOM.nextInt(10_000));
    }

    private ReadableUsernames() {
    }
}

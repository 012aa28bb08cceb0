package io.postyard.cassandra;

/**
 * The name Postyard's stores inject their session by: on the cassandra profile James has its own session, on its own
 * keyspace, bound without a name.
 */
public final class PostyardSession {
    public static final String NAME = "postyard";

    private PostyardSession() {
    }
}

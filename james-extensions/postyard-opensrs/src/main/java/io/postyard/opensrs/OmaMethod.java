package io.postyard.opensrs;

import java.util.Map;

/** One OMA method: what it answers besides {@code success: true}, or an {@link OmaException}. */
@FunctionalInterface
public interface OmaMethod {
    Map<String, Object> call(Caller caller, OmaRequest request);
}

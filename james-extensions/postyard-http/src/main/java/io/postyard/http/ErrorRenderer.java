package io.postyard.http;

/** Renders an error as the JSON body one provider's clients expect. */
@FunctionalInterface
public interface ErrorRenderer {
    String render(ApiError error, String requestId);
}

package io.postyard.mailgun;

import java.util.Map;

import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;

/** Mailgun's error body is a single {@code message}. */
public class MailgunErrors {
    public static final ErrorRenderer RENDERER = (error, requestId) -> Json.write(Map.of("message", error.message()));

    private MailgunErrors() {
    }
}

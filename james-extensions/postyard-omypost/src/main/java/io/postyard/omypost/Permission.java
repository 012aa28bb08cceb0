package io.postyard.omypost;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What an OmyPost key may do; an operator grants them when creating the key through WebAdmin. */
enum Permission {
    EMAILS_READ("emails:read"),
    EMAILS_WRITE("emails:write"),
    MESSAGES_READ("messages:read"),
    MESSAGES_WRITE("messages:write"),
    MESSAGES_SEND("messages:send"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write");

    private final String value;

    Permission(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Set<String> all() {
        return Arrays.stream(values()).map(Permission::value).collect(Collectors.toUnmodifiableSet());
    }
}

package io.postyard.mailgun.list;

import java.util.Optional;

/** A member as a request gives it: only what was given is set; an update keeps the rest. */
public record MemberRequest(Optional<String> address, Optional<String> name, Optional<String> vars, Optional<Boolean> subscribed) {
}

package io.postyard.core.mailbox;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Role addresses ({@code reserved.local.parts}: postmaster, abuse, hostmaster, ...) that no API may hand out as a
 * mailbox or alias: certificate authorities validate domains through them, and abuse reports and RFC 5321's
 * postmaster mail go to them. Only the operator creates them, through WebAdmin.
 */
public class ReservedLocalParts {
    private final Set<String> reserved;

    @Inject
    public ReservedLocalParts(PostyardSettings settings) {
        this(settings.list(Setting.RESERVED_LOCAL_PARTS).stream().collect(Collectors.toSet()));
    }

    public ReservedLocalParts(Set<String> reserved) {
        this.reserved = reserved.stream()
            .map(part -> part.trim().toLowerCase(Locale.ROOT))
            .filter(part -> !part.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }

    /** Case does not matter, nor a {@code +tag}: {@code Postmaster+x} is postmaster's. */
    public boolean isReserved(String localPart) {
        String lowered = localPart.toLowerCase(Locale.ROOT);
        int plus = lowered.indexOf('+');
        return reserved.contains(plus > 0 ? lowered.substring(0, plus) : lowered);
    }

    public <E extends RuntimeException> void check(String localPart, Function<String, E> refusal) {
        if (isReserved(localPart)) {
            throw refusal.apply("'" + localPart + "' is a reserved address: only the operator can create it");
        }
    }
}

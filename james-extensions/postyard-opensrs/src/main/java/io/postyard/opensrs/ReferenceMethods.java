package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.core.mailbox.MailboxLimits;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedUser;
import io.postyard.opensrs.store.UserStatus;

/** {@code get_valid_languages}, {@code get_valid_timezones} and {@code stats_summary}. */
public class ReferenceMethods implements OmaMethodGroup {
    private final OmaDomains domains;
    private final OmaUsers users;
    private final OmaAccess access;
    private final MailboxLimits limits;

    @Inject
    public ReferenceMethods(OmaDomains domains, OmaUsers users, OmaAccess access, MailboxLimits limits) {
        this.domains = domains;
        this.users = users;
        this.access = access;
        this.limits = limits;
    }

    @Override
    public Map<String, OmaMethod> methods() {
        return Map.of(
            "get_valid_languages", (caller, request) -> Map.of("languages", ReferenceData.LANGUAGES),
            "get_valid_timezones", (caller, request) -> Map.of("timezones", ReferenceData.TIMEZONES),
            "stats_summary", this::statsSummary);
    }

    /** Counts over what the caller administers: the company, or the one domain asked for. */
    private Map<String, Object> statsSummary(Caller caller, OmaRequest request) {
        if (!caller.isAdmin()) {
            throw OmaException.noPermission();
        }
        List<HostedDomain> scope = request.optionalString("domain")
            .map(name -> List.of(access.requireDomain(caller, OmaNames.domain(name), true)))
            .orElseGet(() -> domains.list(caller.company()).stream()
                .filter(domain -> caller.administers(domain.company(), domain.name()))
                .toList());
        long active = 0;
        long suspended = 0;
        long deleted = 0;
        long bytesUsed = 0;
        long messages = 0;
        for (HostedDomain domain : scope) {
            for (HostedUser user : users.list(domain.name())) {
                if (user.isDeleted()) {
                    deleted++;
                } else if (user.status() == UserStatus.SUSPENDED) {
                    suspended++;
                } else {
                    active++;
                }
                MailboxLimits.Usage usage = limits.usage(user.name());
                bytesUsed += usage.bytesUsed();
                messages += usage.messagesUsed();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("domains", Map.of(
            "active", scope.stream().filter(domain -> !domain.isDeleted()).count(),
            "deleted", scope.stream().filter(HostedDomain::isDeleted).count()));
        summary.put("users", Map.of("active", active, "suspended", suspended, "deleted", deleted, "total", active + suspended + deleted));
        summary.put("storage", Map.of("bytes_used", bytesUsed, "messages", messages));
        summary.put("company", caller.company());
        return Map.of("summary", summary);
    }
}

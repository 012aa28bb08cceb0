package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.mailbox.MailboxLimits;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedUser;

/** {@code get_user}'s answer: the attributes, which of them the caller may set, and what James reports of the mailbox. */
public class UserView {
    private final OmaDomains domains;
    private final MailboxLimits limits;
    private final UserMailboxes mailboxes;

    @Inject
    public UserView(OmaDomains domains, MailboxLimits limits, UserMailboxes mailboxes) {
        this.domains = domains;
        this.limits = limits;
        this.mailboxes = mailboxes;
    }

    Map<String, Object> of(HostedUser user, boolean admin) {
        MailboxLimits.Usage usage = limits.usage(user.name());
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("bytes_max", usage.bytesMax().orElse(null));
        quota.put("bytes_used", usage.bytesUsed());
        quota.put("messages_used", usage.messagesUsed());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("status", status(user));
        metadata.put("quota", quota);
        metadata.put("folders", mailboxes.folders(user.name()).stream().map(UserMailboxes.Folder::name).toList());
        metadata.put("roles", Map.of("role", user.role().kind().asString(), "objects", user.role().objects().stream().sorted().toList()));
        metadata.put("created", user.createdAt().getEpochSecond());
        user.deletedAt().ifPresent(at -> metadata.put("delete_time", at.getEpochSecond()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "mailbox");
        answer.put("attributes", UserAttributes.view(user, defaults(user.domain())));
        answer.put("settable_attributes", UserAttributes.SCHEMA.settable(admin));
        answer.put("metadata", metadata);
        return answer;
    }

    /** What {@code get_user} still tells of a user that does not exist: how to create one, and what it would get. */
    Map<String, Object> creatable(HostedDomain domain) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("settable_attributes", UserAttributes.SCHEMA.settable(true));
        extra.put("metadata", Map.of("defaults", defaults(domain.name())));
        return extra;
    }

    private Map<String, Object> defaults(org.apache.james.core.Domain name) {
        Optional<Map<String, Object>> domain = domains.get(name).map(HostedDomain::attributes);
        Map<String, Object> defaults = UserAttributes.defaults(
            domain.map(attributes -> (String) attributes.get(DomainAttributes.LANGUAGE)),
            domain.map(attributes -> (String) attributes.get(DomainAttributes.TIMEZONE)));
        domain.map(attributes -> attributes.get(DomainAttributes.QUOTA)).ifPresent(quota -> defaults.put(UserAttributes.QUOTA, quota));
        return defaults;
    }

    static String status(HostedUser user) {
        return user.isDeleted() ? "deleted" : user.status().asString();
    }

    static Map<String, Object> summary(HostedUser user, List<String> fields) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("user", user.name().asString());
        for (String field : fields) {
            switch (field) {
                case "createtime" -> summary.put(field, user.createdAt().getEpochSecond());
                case "forward" -> summary.put(field, UserAttributes.list(user.attributes(), UserAttributes.FORWARD_RECIPIENTS));
                case "status" -> summary.put(field, status(user));
                case "type" -> summary.put(field, "mailbox");
                case "workgroup" -> summary.put(field, "staff");
                default -> summary.put(field, null);
            }
        }
        return summary;
    }
}

package io.postyard.opensrs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.opensrs.store.AdminRole;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedUser;

/**
 * {@code get_user}, {@code change_user}, {@code delete_user}, {@code restore_user}, {@code rename_user},
 * {@code search_users} and {@code set_role}. A user reads and changes itself (but not its quota, aliases or status);
 * the rest is for administrators of its domain.
 */
public class UserMethods implements OmaMethodGroup {
    private static final Set<String> SEARCH_FIELDS = Set.of("createtime", "forward", "lastlogin", "status", "type", "workgroup");
    private static final Set<String> SEARCH_STATUSES = Set.of("active", "suspended", "deleted", "quota", "smtplimit");

    private final OmaUsers users;
    private final OmaAccess access;
    private final UserView views;

    @Inject
    public UserMethods(OmaUsers users, OmaAccess access, UserView views) {
        this.users = users;
        this.access = access;
        this.views = views;
    }

    @Override
    public Map<String, OmaMethod> methods() {
        return Map.of(
            "get_user", this::get,
            "change_user", this::change,
            "delete_user", this::delete,
            "restore_user", this::restore,
            "rename_user", this::rename,
            "search_users", this::search,
            "set_role", this::setRole);
    }

    private Map<String, Object> get(Caller caller, OmaRequest request) {
        Username name = request.user("user");
        Optional<HostedUser> user = access.user(caller, name, true);
        if (user.isEmpty()) {
            HostedDomain domain = access.requireDomain(caller, name.getDomainPart().orElseThrow(), false);
            throw new OmaException(OmaError.NOT_FOUND, "User " + name.asString() + " does not exist", views.creatable(domain));
        }
        return views.of(user.get(), access.administers(caller, user.get()));
    }

    private Map<String, Object> change(Caller caller, OmaRequest request) {
        Username name = request.user("user");
        ObjectNode attributes = request.optionalObject("attributes").orElseGet(() -> request.body().objectNode());
        Optional<HostedUser> existing = access.user(caller, name, true);
        if (existing.isPresent()) {
            if (request.flag("create_only") || existing.get().isDeleted()) {
                throw OmaException.exists("User " + name.asString() + " already exists");
            }
            users.change(existing.get(), UserAttributes.SCHEMA.read(attributes, access.administers(caller, existing.get())),
                reachable(caller, existing.get().company()));
            return Map.of();
        }
        HostedDomain domain = access.requireDomain(caller, name.getDomainPart().orElseThrow(), false);
        users.create(domain, name, UserAttributes.SCHEMA.read(attributes, true), reachable(caller, domain.company()));
        return Map.of();
    }

    private Map<String, Object> delete(Caller caller, OmaRequest request) {
        users.delete(access.requireAdministeredUser(caller, request.user("user"), false));
        return Map.of();
    }

    private Map<String, Object> restore(Caller caller, OmaRequest request) {
        HostedUser user = access.requireAdministeredUser(caller, request.user("user"), true);
        Optional<Username> newName = request.optionalString("new_name").map(OmaNames::user).filter(name -> !name.equals(user.name()));
        HostedUser restored = users.restore(user, reachable(caller, user.company()));
        newName.ifPresent(name -> users.rename(restored, name));
        return Map.of();
    }

    private Map<String, Object> rename(Caller caller, OmaRequest request) {
        HostedUser user = access.requireAdministeredUser(caller, request.user("user"), false);
        users.rename(user, request.user("new_name"));
        return Map.of();
    }

    private Map<String, Object> search(Caller caller, OmaRequest request) {
        SearchRequest search = SearchRequest.of(request);
        OmaRequest criteria = search.criteria(request.method());
        HostedDomain domain = access.requireDomain(caller, criteria.domain("domain"), false);
        boolean deletedOnly = criteria.flag("deleted");
        List<String> statuses = criteria.stringList("status");
        statuses.stream().filter(status -> !SEARCH_STATUSES.contains(status)).findFirst().ifPresent(status -> {
            throw OmaException.malformed("criteria.status takes active, suspended, deleted, quota or smtplimit");
        });
        criteria.optionalString("type").filter(type -> !type.equals("mailbox")).ifPresent(type -> {
            throw OmaException.malformed("criteria.type: only mailbox users exist here");
        });
        List<String> fields = request.stringList("fields");
        fields.stream().filter(field -> !SEARCH_FIELDS.contains(field)).findFirst().ifPresent(field -> {
            throw OmaException.malformed("fields takes createtime, forward, lastlogin, status, type and workgroup");
        });
        List<HostedUser> found = users.list(domain.name()).stream()
            .filter(user -> deletedOnly ? user.isDeleted() : statuses.isEmpty() ? !user.isDeleted() : statuses.contains(UserView.status(user)))
            .filter(user -> search.matches(user.name().asString()) || search.matches(user.name().getLocalPart()))
            .sorted(search.comparator(List.of("user", "createtime", "status"), by -> switch (by) {
                case "createtime" -> Comparator.comparing(HostedUser::createdAt);
                case "status" -> Comparator.comparing(UserView::status);
                default -> Comparator.comparing(user -> user.name().asString());
            }))
            .toList();
        return SearchResults.of("users", search.page(found).stream().map(user -> UserView.summary(user, fields)).toList(), found.size());
    }

    private static Predicate<Domain> reachable(Caller caller, String company) {
        return domain -> caller.administers(company, domain);
    }

    private Map<String, Object> setRole(Caller caller, OmaRequest request) {
        HostedUser user = access.requireAdministeredUser(caller, request.user("user"), false);
        if (!caller.isCompanyAdmin(user.company())) {
            throw OmaException.noPermission();
        }
        AdminRole.Kind kind = AdminRole.Kind.parse(request.optionalString("role").orElse(""))
            .orElseThrow(() -> OmaException.malformed("role must be company, domain, or empty to remove the role"));
        List<String> objects = request.field("objects").isPresent() ? request.stringList("objects")
            : request.optionalString("object").map(List::of).orElse(List.of());
        AdminRole role = switch (kind) {
            case NONE -> AdminRole.NONE;
            case COMPANY -> {
                if (!objects.isEmpty() && !objects.equals(List.of(user.company()))) {
                    throw OmaException.badAttribute("A company role is over the user's own company");
                }
                yield AdminRole.company(user.company());
            }
            case DOMAIN -> {
                if (objects.isEmpty()) {
                    throw OmaException.malformed("A domain role needs the domains it is over, in objects");
                }
                Set<String> domains = new java.util.TreeSet<>();
                for (String object : objects) {
                    HostedDomain domain = access.requireDomain(caller, OmaNames.domain(object), false);
                    domains.add(domain.name().asString());
                }
                yield AdminRole.domains(domains);
            }
        };
        users.setRole(user, role);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", role.kind().asString());
        answer.put("objects", role.objects().stream().sorted().toList());
        return answer;
    }
}

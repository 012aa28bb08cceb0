package io.postyard.mailgun;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import io.postyard.mailgun.list.InvalidListRequestException;
import io.postyard.mailgun.list.ListMember;
import io.postyard.mailgun.list.MailingList;
import io.postyard.mailgun.list.MailingListService;
import io.postyard.mailgun.list.MemberRequest;
import spark.Request;
import spark.Service;

/**
 * {@code /v3/lists}: an account's mailing lists and their members, as Mailgun documents them (primary key only).
 * Lists and members page by address ({@code /pages} with {@code page} and {@code address}, or {@code limit}/{@code skip}
 * on the older paths). The route only translates: the rules are {@link MailingListService}'s.
 */
class MailingListsRoutes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int SCAN_PAGE = 1000;

    private final MailingListService lists;
    private final String publicUrl;

    @Inject
    MailingListsRoutes(MailingListService lists, PostyardSettings settings) {
        this.lists = lists;
        this.publicUrl = settings.publicUrl();
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/lists";
        service.get(base, Json.route((request, response) -> listsBySkip(request)));
        service.get(base + "/pages", Json.route((request, response) -> listPages(request, prefix)));
        service.post(base, Json.route((request, response) -> create(request)));
        service.get(base + "/:list", Json.route((request, response) -> Map.of("list", view(existing(request)))));
        service.put(base + "/:list", Json.route((request, response) -> update(request)));
        service.delete(base + "/:list", Json.route((request, response) -> delete(request)));
        service.get(base + "/:list/members", Json.route((request, response) -> membersBySkip(request)));
        service.get(base + "/:list/members/pages", Json.route((request, response) -> memberPages(request, prefix)));
        service.post(base + "/:list/members", Json.route((request, response) -> addMember(request)));
        service.post(base + "/:list/members.json", Json.route((request, response) -> addMembers(request)));
        service.get(base + "/:list/members/:member", Json.route((request, response) -> Map.of("member", view(existingMember(request)))));
        service.put(base + "/:list/members/:member", Json.route((request, response) -> updateMember(request)));
        service.delete(base + "/:list/members/:member", Json.route((request, response) -> deleteMember(request)));
    }

    /** {@code address} finds one list (mailgun.js's {@code listByAddress}); otherwise a {@code limit}/{@code skip} window. */
    private Map<String, Object> listsBySkip(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        Optional<String> address = QueryParams.string(request, "address").filter(value -> !value.isBlank());
        if (address.isPresent()) {
            List<Map<String, Object>> found = lists.get(account, address.get()).map(this::view).stream().toList();
            return Map.of("items", found, "total_count", found.size());
        }
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = QueryParams.integer(request, "skip", 0, 0, Integer.MAX_VALUE);
        List<MailingList> all = scan((after, size) -> lists.lists(account, after, size), MailingList::address, Optional.empty(),
            skip + limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", all.stream().skip(skip).map(this::view).toList());
        body.put("total_count", all.size() < skip + limit ? all.size() : countLists(account));
        return body;
    }

    private long countLists(AccountId account) {
        return scan((after, size) -> lists.lists(account, after, size), MailingList::address, Optional.empty(), Integer.MAX_VALUE).size();
    }

    private Map<String, Object> listPages(Request request, String prefix) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        return page(request, publicUrl + prefix + "/v3/lists/pages", (after, size) -> lists.lists(account, after, size),
            MailingList::address, this::view);
    }

    private Map<String, Object> create(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        MailingList created = checked(() -> lists.create(account, listChanges(FormData.parse(request))));
        return Map.of("message", "Mailing list has been created", "list", view(created));
    }

    private Map<String, Object> update(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        MailingList updated = checked(() -> lists.update(account, request.params("list"), listChanges(FormData.parse(request))))
            .orElseThrow(MailingListsRoutes::listNotFound);
        return Map.of("message", "Mailing list has been updated", "list", view(updated));
    }

    private Map<String, Object> delete(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        MailingList list = existing(request);
        lists.delete(account, list.address());
        return Map.of("address", list.address(), "message", "Mailing list has been removed");
    }

    private Map<String, Object> membersBySkip(Request request) {
        MailingList list = existing(request);
        Optional<Boolean> subscribed = subscribedFilter(request);
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = QueryParams.integer(request, "skip", 0, 0, Integer.MAX_VALUE);
        List<ListMember> window = scan((after, size) -> lists.members(list, subscribed, after, size), ListMember::address,
            Optional.empty(), skip + limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", window.stream().skip(skip).map(MailingListsRoutes::view).toList());
        body.put("total_count", subscribed.isEmpty() ? lists.memberCount(list)
            : scan((after, size) -> lists.members(list, subscribed, after, size), ListMember::address, Optional.empty(),
                Integer.MAX_VALUE).size());
        return body;
    }

    private Map<String, Object> memberPages(Request request, String prefix) {
        MailingList list = existing(request);
        Optional<Boolean> subscribed = subscribedFilter(request);
        return page(request, publicUrl + prefix + "/v3/lists/" + list.address() + "/members/pages",
            (after, size) -> lists.members(list, subscribed, after, size), ListMember::address, MailingListsRoutes::view);
    }

    private Map<String, Object> addMember(Request request) {
        MailingList list = existing(request);
        FormData form = FormData.parse(request);
        boolean upsert = form.bool("upsert").orElse(false);
        ListMember member = checked(() -> lists.addMember(list, memberRequest(form), upsert));
        return Map.of("member", view(member), "message", "Mailing list member has been created");
    }

    private Map<String, Object> addMembers(Request request) {
        MailingList list = existing(request);
        FormData form = FormData.parse(request);
        boolean upsert = form.bool("upsert").orElse(false);
        String members = form.firstNonBlank("members").orElseThrow(() -> ApiException.badRequest("Missing parameter 'members'"));
        List<MemberRequest> requests = new ArrayList<>();
        try {
            JsonNode array = Json.MAPPER.readTree(members);
            if (array == null || !array.isArray()) {
                throw ApiException.badRequest("'members' must be a JSON array");
            }
            for (JsonNode member : array) {
                requests.add(memberRequest(member));
            }
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("'members' must be a JSON array");
        }
        checked(() -> {
            lists.addMembers(list, requests, upsert);
            return list;
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list", view(list));
        body.put("message", "Mailing list has been updated");
        body.put("task-id", "");
        return body;
    }

    private Map<String, Object> updateMember(Request request) {
        MailingList list = existing(request);
        MemberRequest changes = memberRequest(FormData.parse(request));
        ListMember updated = checked(() -> lists.updateMember(list, request.params("member"), changes))
            .orElseThrow(MailingListsRoutes::memberNotFound);
        return Map.of("member", view(updated), "message", "Mailing list member has been updated");
    }

    private Map<String, Object> deleteMember(Request request) {
        MailingList list = existing(request);
        ListMember member = existingMember(request);
        lists.deleteMember(list, member.address());
        return Map.of("member", Map.of("address", member.address()), "message", "Mailing list member has been deleted");
    }

    /**
     * One page by address: {@code page=first} (the default) or {@code next} after {@code address}, {@code prev} before it,
     * {@code last}. Pages before a position are found by reading forward: lists are read in address order only.
     */
    private <T> Map<String, Object> page(Request request, String url, BiFunction<Optional<String>, Integer, List<T>> read,
                                         Function<T, String> key, Function<T, Map<String, Object>> view) {
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String which = QueryParams.string(request, "page").orElse("first").toLowerCase(Locale.ROOT);
        Optional<String> pivot = QueryParams.string(request, "address").map(String::trim).map(value -> value.toLowerCase(Locale.ROOT))
            .filter(value -> !value.isEmpty());
        List<T> items = switch (which) {
            case "next" -> read.apply(pivot, limit);
            case "prev", "previous" -> lastOf(scan(read, key, Optional.empty(), Integer.MAX_VALUE).stream()
                .filter(item -> pivot.map(value -> key.apply(item).compareTo(value) < 0).orElse(false)).toList(), limit);
            case "last" -> lastOf(scan(read, key, Optional.empty(), Integer.MAX_VALUE), limit);
            case "first" -> read.apply(Optional.empty(), limit);
            default -> throw ApiException.badRequest("'page' must be first, next, prev or last");
        };
        String first = url + "?page=first&limit=" + limit;
        String last = url + "?page=last&limit=" + limit;
        Map<String, String> paging = new LinkedHashMap<>();
        paging.put("first", first);
        paging.put("last", last);
        if (items.isEmpty()) {
            paging.put("next", last);
            paging.put("previous", first);
        } else {
            String lastKey = key.apply(items.get(items.size() - 1));
            boolean more = !read.apply(Optional.of(lastKey), 1).isEmpty();
            paging.put("next", more ? url + "?page=next&address=" + encode(lastKey) + "&limit=" + limit : last);
            paging.put("previous", url + "?page=prev&address=" + encode(key.apply(items.get(0))) + "&limit=" + limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items.stream().map(view).toList());
        body.put("paging", paging);
        return body;
    }

    /** Up to {@code max} entries from the start, read a page at a time. */
    private static <T> List<T> scan(BiFunction<Optional<String>, Integer, List<T>> read, Function<T, String> key, Optional<String> after,
                                    int max) {
        List<T> all = new ArrayList<>();
        Optional<String> position = after;
        while (all.size() < max) {
            int wanted = Math.min(SCAN_PAGE, max - all.size());
            List<T> page = read.apply(position, wanted);
            all.addAll(page);
            if (page.size() < wanted) {
                break;
            }
            position = Optional.of(key.apply(page.get(page.size() - 1)));
        }
        return all;
    }

    private static <T> List<T> lastOf(List<T> items, int count) {
        return items.subList(Math.max(0, items.size() - count), items.size());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private MailingList existing(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        return lists.get(account, request.params("list")).orElseThrow(MailingListsRoutes::listNotFound);
    }

    private ListMember existingMember(Request request) {
        MailingList list = existing(request);
        return lists.member(list, request.params("member")).orElseThrow(MailingListsRoutes::memberNotFound);
    }

    private static Optional<Boolean> subscribedFilter(Request request) {
        return QueryParams.string(request, "subscribed").map(value -> FormData.of(Map.of("subscribed", value)).bool("subscribed"))
            .flatMap(Function.identity());
    }

    private static MailingListService.ListChanges listChanges(FormData form) {
        return new MailingListService.ListChanges(form.firstNonBlank("address"), form.first("name"), form.first("description"),
            form.firstNonBlank("access_level").map(value -> MailingList.AccessLevel.parse(value)
                .orElseThrow(() -> ApiException.badRequest("'access_level' must be readonly, members or everyone"))),
            form.firstNonBlank("reply_preference").map(value -> MailingList.ReplyPreference.parse(value)
                .orElseThrow(() -> ApiException.badRequest("'reply_preference' must be list or sender"))));
    }

    private static MemberRequest memberRequest(FormData form) {
        return new MemberRequest(form.firstNonBlank("address"), form.first("name"), form.firstNonBlank("vars"), form.bool("subscribed"));
    }

    /** An entry of {@code members.json}: an address, or an object with {@code address}, {@code name}, {@code vars}, {@code subscribed}. */
    private static MemberRequest memberRequest(JsonNode member) {
        if (member.isTextual()) {
            return new MemberRequest(Optional.of(member.asText()), Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (!member.isObject() || !member.path("address").isTextual()) {
            throw ApiException.badRequest("Each member is an address or an object with an 'address'");
        }
        JsonNode vars = member.path("vars");
        Optional<String> varsJson = vars.isMissingNode() || vars.isNull() ? Optional.empty()
            : Optional.of(vars.isTextual() ? vars.asText() : Json.write(vars));
        JsonNode subscribed = member.path("subscribed");
        Optional<Boolean> isSubscribed = subscribed.isMissingNode() || subscribed.isNull() ? Optional.empty()
            : subscribed.isBoolean() ? Optional.of(subscribed.asBoolean())
            : FormData.of(Map.of("subscribed", subscribed.asText())).bool("subscribed");
        return new MemberRequest(Optional.of(member.get("address").asText()),
            member.path("name").isTextual() ? Optional.of(member.get("name").asText()) : Optional.empty(), varsJson, isSubscribed);
    }

    private Map<String, Object> view(MailingList list) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("access_level", list.accessLevel().asString());
        view.put("address", list.address());
        view.put("created_at", MailgunDates.rfc2822NumericZone(list.createdAt()));
        view.put("description", list.description());
        view.put("members_count", lists.memberCount(list));
        view.put("name", list.name());
        view.put("reply_preference", list.replyPreference().asString());
        return view;
    }

    private static Map<String, Object> view(ListMember member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("address", member.address());
        view.put("name", member.name());
        view.put("subscribed", member.subscribed());
        try {
            view.put("vars", Json.MAPPER.readTree(member.vars()));
        } catch (JsonProcessingException e) {
            view.put("vars", Map.of());
        }
        return view;
    }

    private static <T> T checked(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidListRequestException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException listNotFound() {
        return ApiException.notFound("Mailing list not found");
    }

    private static ApiException memberNotFound() {
        return ApiException.notFound("Member not found");
    }
}

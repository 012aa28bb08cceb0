package io.postyard.mailgun.list;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.http.Json;

/**
 * An account's mailing lists and their members, checked as Mailgun checks them: a list's address is an address of one
 * of the account's domains, a member's address is valid (a display name in it becomes the member's name) and its
 * variables are a JSON object.
 */
public class MailingListService {
    public static final int MAX_BULK_MEMBERS = 1000;
    private static final int MAX_VARS_LENGTH = 32 * 1024;
    private static final int COPY_PAGE = 1000;

    /** What a create or update gives; absent fields of an update keep their value. */
    public record ListChanges(Optional<String> address, Optional<String> name, Optional<String> description,
                              Optional<MailingList.AccessLevel> accessLevel, Optional<MailingList.ReplyPreference> replyPreference) {
    }

    private final MailingListStore store;
    private final DomainService domains;
    private final Clock clock;

    @Inject
    public MailingListService(MailingListStore store, DomainService domains, Clock clock) {
        this.store = store;
        this.domains = domains;
        this.clock = clock;
    }

    public MailingList create(AccountId account, ListChanges request) {
        String address = listAddress(account, request.address().orElseThrow(() -> new InvalidListRequestException("Missing parameter 'address'")));
        MailingList list = new MailingList(address, account, request.name().orElse(""), request.description().orElse(""),
            request.accessLevel().orElse(MailingList.AccessLevel.READONLY), request.replyPreference().orElse(MailingList.ReplyPreference.LIST),
            clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (!store.create(list)) {
            throw new InvalidListRequestException("Duplicate object: a mailing list " + address + " exists already");
        }
        return list;
    }

    public Optional<MailingList> get(AccountId account, String address) {
        return store.get(normalized(address)).filter(list -> list.account().equals(account));
    }

    /** Any list of any account: what the mail pipeline asks about an address. */
    public Optional<MailingList> byAddress(String address) {
        return store.get(normalized(address));
    }

    public List<MailingList> lists(AccountId account, Optional<String> after, int limit) {
        return store.lists(account, after.map(MailingListService::normalized), limit);
    }

    /** A new {@code address} moves the list and its members to it. */
    public Optional<MailingList> update(AccountId account, String address, ListChanges changes) {
        Optional<MailingList> found = get(account, address);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MailingList current = found.get();
        MailingList updated = new MailingList(current.address(), account, changes.name().orElse(current.name()),
            changes.description().orElse(current.description()), changes.accessLevel().orElse(current.accessLevel()),
            changes.replyPreference().orElse(current.replyPreference()), current.createdAt());
        Optional<String> newAddress = changes.address().map(value -> listAddress(account, value))
            .filter(value -> !value.equals(current.address()));
        if (newAddress.isEmpty()) {
            return store.update(updated) ? Optional.of(updated) : Optional.empty();
        }
        MailingList moved = updated.withAddress(newAddress.get());
        if (!store.create(moved)) {
            throw new InvalidListRequestException("Duplicate object: a mailing list " + newAddress.get() + " exists already");
        }
        members(current.address(), Optional.empty()).forEachRemaining(member -> store.putMember(moved.address(), member));
        store.delete(current.address());
        return Optional.of(moved);
    }

    public boolean delete(AccountId account, String address) {
        return get(account, address).map(list -> store.delete(list.address())).orElse(false);
    }

    public long memberCount(MailingList list) {
        return store.memberCount(list.address());
    }

    /** Every member (or every subscribed one), read a page at a time. */
    public Iterator<ListMember> members(String list, Optional<Boolean> subscribed) {
        return new Iterator<>() {
            private Iterator<ListMember> page = List.<ListMember>of().iterator();
            private Optional<String> after = Optional.empty();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    List<ListMember> next = store.members(list, subscribed, after, COPY_PAGE);
                    exhausted = next.size() < COPY_PAGE;
                    after = next.isEmpty() ? after : Optional.of(next.get(next.size() - 1).address());
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public ListMember next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    public List<ListMember> members(MailingList list, Optional<Boolean> subscribed, Optional<String> after, int limit) {
        return store.members(list.address(), subscribed, after.map(MailingListService::normalized), limit);
    }

    public Optional<ListMember> member(MailingList list, String address) {
        return store.member(list.address(), normalized(address));
    }

    /** Adds a member, or replaces it with {@code upsert}; without it an existing member is refused as Mailgun refuses it. */
    public ListMember addMember(MailingList list, MemberRequest request, boolean upsert) {
        ListMember member = newMember(request);
        if (upsert) {
            store.putMember(list.address(), member);
        } else if (!store.addMember(list.address(), member)) {
            throw new InvalidListRequestException("Address already exists '" + member.address() + "'");
        }
        return member;
    }

    /** Adds up to {@value #MAX_BULK_MEMBERS} members at once; existing ones are kept unless {@code upsert}. */
    public void addMembers(MailingList list, List<MemberRequest> requests, boolean upsert) {
        if (requests.size() > MAX_BULK_MEMBERS) {
            throw new InvalidListRequestException("At most " + MAX_BULK_MEMBERS + " members can be added at once");
        }
        List<ListMember> members = requests.stream().map(this::newMember).toList();
        for (ListMember member : members) {
            if (upsert) {
                store.putMember(list.address(), member);
            } else {
                store.addMember(list.address(), member);
            }
        }
    }

    public Optional<ListMember> updateMember(MailingList list, String address, MemberRequest changes) {
        Optional<ListMember> found = member(list, address);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ListMember current = found.get();
        Optional<InternetAddress> newAddress = changes.address().map(MailingListService::memberAddress);
        ListMember updated = new ListMember(newAddress.map(InternetAddress::getAddress).orElse(current.address()),
            changes.name().or(() -> newAddress.map(InternetAddress::getPersonal)).orElse(current.name()),
            changes.vars().map(MailingListService::vars).orElse(current.vars()), changes.subscribed().orElse(current.subscribed()));
        if (!updated.address().equals(current.address())) {
            if (store.member(list.address(), updated.address()).isPresent()) {
                throw new InvalidListRequestException("Address already exists '" + updated.address() + "'");
            }
            store.deleteMember(list.address(), current.address());
        }
        store.putMember(list.address(), updated);
        return Optional.of(updated);
    }

    public boolean deleteMember(MailingList list, String address) {
        return store.deleteMember(list.address(), normalized(address));
    }

    /** A member stops getting the list's mail: its own unsubscribe link from that list. */
    public void unsubscribe(String list, String address) {
        store.member(normalized(list), normalized(address))
            .ifPresent(member -> store.putMember(normalized(list), new ListMember(member.address(), member.name(), member.vars(), false)));
    }

    private ListMember newMember(MemberRequest request) {
        InternetAddress address = memberAddress(request.address().orElseThrow(() -> new InvalidListRequestException("Missing parameter 'address'")));
        String name = request.name().or(() -> Optional.ofNullable(address.getPersonal())).orElse("");
        return new ListMember(address.getAddress(), name, request.vars().map(MailingListService::vars).orElse(ListMember.NO_VARS),
            request.subscribed().orElse(true));
    }

    private String listAddress(AccountId account, String raw) {
        MailAddress address;
        try {
            address = new MailAddress(raw.trim());
        } catch (AddressException e) {
            throw new InvalidListRequestException("'" + raw + "' is not a valid address");
        }
        Domain domain = Domain.of(address.getDomain().asString());
        if (domains.get(account, domain).isEmpty()) {
            throw new InvalidListRequestException("Domain " + domain.asString() + " is not a domain of the account: a list's address must be");
        }
        return normalized(address.asString());
    }

    private static InternetAddress memberAddress(String raw) {
        try {
            InternetAddress address = new InternetAddress(raw.trim(), true);
            new MailAddress(address.getAddress());
            return address;
        } catch (AddressException | IllegalArgumentException e) {
            throw new InvalidListRequestException("'" + raw + "' is not a valid address");
        }
    }

    private static String vars(String raw) {
        if (raw.length() > MAX_VARS_LENGTH) {
            throw new InvalidListRequestException("'vars' is longer than " + MAX_VARS_LENGTH + " characters");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new InvalidListRequestException("'vars' must be a JSON object");
            }
            return Json.write(node);
        } catch (JsonProcessingException e) {
            throw new InvalidListRequestException("'vars' must be a JSON object");
        }
    }

    private static String normalized(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}

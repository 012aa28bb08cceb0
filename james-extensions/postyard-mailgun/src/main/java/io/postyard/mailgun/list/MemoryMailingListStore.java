package io.postyard.mailgun.list;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.postyard.core.account.AccountId;

public class MemoryMailingListStore implements MailingListStore {
    private final ConcurrentSkipListMap<String, MailingList> lists = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, ConcurrentSkipListMap<String, ListMember>> members = new ConcurrentHashMap<>();

    @Override
    public boolean create(MailingList list) {
        return lists.putIfAbsent(list.address(), list) == null;
    }

    @Override
    public Optional<MailingList> get(String address) {
        return Optional.ofNullable(lists.get(address));
    }

    @Override
    public List<MailingList> lists(AccountId account, Optional<String> after, int limit) {
        Map<String, MailingList> from = after.<Map<String, MailingList>>map(address -> lists.tailMap(address, false)).orElse(lists);
        return from.values().stream().filter(list -> list.account().equals(account)).limit(limit).toList();
    }

    @Override
    public boolean update(MailingList list) {
        return lists.replace(list.address(), list) != null;
    }

    @Override
    public boolean delete(String address) {
        members.remove(address);
        return lists.remove(address) != null;
    }

    @Override
    public boolean addMember(String list, ListMember member) {
        return membersOf(list).putIfAbsent(member.address(), member) == null;
    }

    @Override
    public void putMember(String list, ListMember member) {
        membersOf(list).put(member.address(), member);
    }

    @Override
    public Optional<ListMember> member(String list, String address) {
        return Optional.ofNullable(membersOf(list).get(address));
    }

    @Override
    public boolean deleteMember(String list, String address) {
        return membersOf(list).remove(address) != null;
    }

    @Override
    public List<ListMember> members(String list, Optional<Boolean> subscribed, Optional<String> after, int limit) {
        ConcurrentSkipListMap<String, ListMember> all = membersOf(list);
        Map<String, ListMember> from = after.<Map<String, ListMember>>map(address -> all.tailMap(address, false)).orElse(all);
        return from.values().stream()
            .filter(member -> subscribed.map(wanted -> member.subscribed() == wanted).orElse(true))
            .limit(limit)
            .toList();
    }

    @Override
    public long memberCount(String list) {
        return membersOf(list).size();
    }

    private ConcurrentSkipListMap<String, ListMember> membersOf(String list) {
        return members.computeIfAbsent(list, any -> new ConcurrentSkipListMap<>());
    }
}

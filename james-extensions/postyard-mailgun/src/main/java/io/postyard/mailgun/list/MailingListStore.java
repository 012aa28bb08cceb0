package io.postyard.mailgun.list;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/**
 * Mailing lists and their members. Lists of an account and members of a list are read in address order, a page at a
 * time after a given address, so that any number of them pages without gaps.
 */
public interface MailingListStore {
    /** Stores a new list; false when a list has that address already. */
    boolean create(MailingList list);

    Optional<MailingList> get(String address);

    /** The account's lists with an address after {@code after} (all when empty), in address order. */
    List<MailingList> lists(AccountId account, Optional<String> after, int limit);

    /** Replaces the list of the same address; false when there is none. */
    boolean update(MailingList list);

    /** Removes the list and its members; false when there was none. */
    boolean delete(String address);

    /** Adds a member; false when the list has one with that address already. */
    boolean addMember(String list, ListMember member);

    /** Adds or replaces a member. */
    void putMember(String list, ListMember member);

    Optional<ListMember> member(String list, String address);

    boolean deleteMember(String list, String address);

    /** Members with an address after {@code after}, in address order, only the subscribed (or unsubscribed) when asked. */
    List<ListMember> members(String list, Optional<Boolean> subscribed, Optional<String> after, int limit);

    long memberCount(String list);
}

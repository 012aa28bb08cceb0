package io.postyard.mailgun.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

public abstract class MailingListStoreContract {
    private static final Instant CREATED = Instant.parse("2026-12-08T10:00:00Z");

    protected abstract MailingListStore store();

    /** Each test its own account and domain: a store may be shared by a class's tests. */
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final AccountId account = new AccountId("acme-" + suffix);

    private String address(String localPart) {
        return localPart + "@lists-" + suffix + ".test";
    }

    private MailingList list(String localPart) {
        return new MailingList(address(localPart), account, "Developers", "The dev list", MailingList.AccessLevel.MEMBERS,
            MailingList.ReplyPreference.LIST, CREATED);
    }

    @Test
    void aListIsCreatedOnceReadUpdatedAndDeleted() {
        MailingList list = list("dev");

        assertThat(store().create(list)).isTrue();
        assertThat(store().create(list)).isFalse();
        assertThat(store().get(list.address())).contains(list);

        MailingList renamed = new MailingList(list.address(), account, "Engineers", "", MailingList.AccessLevel.EVERYONE,
            MailingList.ReplyPreference.SENDER, CREATED);
        assertThat(store().update(renamed)).isTrue();
        assertThat(store().get(list.address())).contains(renamed);
        assertThat(store().lists(account, Optional.empty(), 10)).containsExactly(renamed);

        assertThat(store().delete(list.address())).isTrue();
        assertThat(store().get(list.address())).isEmpty();
        assertThat(store().lists(account, Optional.empty(), 10)).isEmpty();
        assertThat(store().delete(list.address())).isFalse();
        assertThat(store().update(renamed)).isFalse();
    }

    @Test
    void anAccountsListsPageByAddressAndNoOtherAccountSeesThem() {
        store().create(list("c"));
        store().create(list("a"));
        store().create(list("b"));

        assertThat(store().lists(account, Optional.empty(), 2)).extracting(MailingList::address).containsExactly(address("a"), address("b"));
        assertThat(store().lists(account, Optional.of(address("b")), 2)).extracting(MailingList::address).containsExactly(address("c"));
        assertThat(store().lists(new AccountId("other-" + suffix), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void membersAreAddedOnceReplacedReadAndRemoved() {
        String list = list("team").address();
        store().create(list("team"));
        ListMember anna = new ListMember("Anna@Example.test", "Anna", "{\"role\":\"lead\"}", true);

        assertThat(store().addMember(list, anna)).isTrue();
        assertThat(store().addMember(list, anna)).isFalse();
        assertThat(store().member(list, "anna@example.test")).contains(anna);

        ListMember away = new ListMember("anna@example.test", "Anna B", ListMember.NO_VARS, false);
        store().putMember(list, away);
        assertThat(store().member(list, "anna@example.test")).contains(away);
        store().putMember(list, new ListMember("bob@example.test", "", ListMember.NO_VARS, true));
        assertThat(store().memberCount(list)).isEqualTo(2);

        assertThat(store().deleteMember(list, "anna@example.test")).isTrue();
        assertThat(store().deleteMember(list, "anna@example.test")).isFalse();
        assertThat(store().member(list, "anna@example.test")).isEmpty();
    }

    @Test
    void membersPageByAddressFilteredBySubscription() {
        String list = list("many").address();
        store().create(list("many"));
        for (int i = 0; i < 7; i++) {
            store().addMember(list, new ListMember("m" + i + "@example.test", "", ListMember.NO_VARS, i % 2 == 0));
        }

        assertThat(store().members(list, Optional.empty(), Optional.empty(), 3)).extracting(ListMember::address)
            .containsExactly("m0@example.test", "m1@example.test", "m2@example.test");
        assertThat(store().members(list, Optional.of(true), Optional.of("m2@example.test"), 10)).extracting(ListMember::address)
            .containsExactly("m4@example.test", "m6@example.test");
        assertThat(store().members(list, Optional.of(false), Optional.empty(), 2)).extracting(ListMember::address)
            .containsExactly("m1@example.test", "m3@example.test");
    }

    @Test
    void deletingAListRemovesItsMembers() {
        String list = list("gone").address();
        store().create(list("gone"));
        store().addMember(list, new ListMember("x@example.test", "", ListMember.NO_VARS, true));

        store().delete(list);
        store().create(list("gone"));

        assertThat(store().memberCount(list)).isZero();
        assertThat(store().members(list, Optional.empty(), Optional.empty(), 10)).isEmpty();
    }
}

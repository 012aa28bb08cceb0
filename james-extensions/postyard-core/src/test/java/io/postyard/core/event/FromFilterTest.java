package io.postyard.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FromFilterTest {
    @Test
    void anAddressIsMatchedInLowerCase() {
        assertThat(FromFilter.address(" Bob@Example.COM ")).contains("bob@example.com");
    }

    @Test
    void aNameADomainOrPartOfAnAddressIsNotAnAddress() {
        assertThat(FromFilter.address("Bob Smith")).isEmpty();
        assertThat(FromFilter.address("example.com")).isEmpty();
        assertThat(FromFilter.address("bob@")).isEmpty();
        assertThat(FromFilter.address("shop@example")).isEmpty();
        assertThat(FromFilter.address("@example.com")).isEmpty();
        assertThat(FromFilter.address("<bob@example.com>")).isEmpty();
        assertThat(FromFilter.address("a@x.test, b@x.test")).isEmpty();
    }

    @Test
    void theKeyOfAHeaderIsItsFirstMailboxsAddress() {
        assertThat(FromFilter.addressKey("\"Smith, Bob\" <Bob@Example.com>")).contains("bob@example.com");
        assertThat(FromFilter.addressKey("bob@example.com (Bob)")).contains("bob@example.com");
        assertThat(FromFilter.addressKey("Ann <ann@x.test>, Bob <bob@x.test>")).contains("ann@x.test");
        assertThat(FromFilter.addressKey("=?UTF-8?Q?Bj=C3=B6rn?= <bjorn@x.test>")).contains("bjorn@x.test");
    }

    @Test
    void aHeaderWithoutAnAddressHasNoKey() {
        assertThat(FromFilter.addressKey("undisclosed")).isEmpty();
        assertThat(FromFilter.addressKey("")).isEmpty();
    }

    @Test
    void anAddressMatchesOnlyThatAddressAndAnythingElseASubstring() {
        assertThat(FromFilter.matches("bob@example.com", "Bob <BOB@example.com>")).isTrue();
        assertThat(FromFilter.matches("bob@example.com", "Rebob <rebob@example.com>")).isFalse();
        assertThat(FromFilter.matches("bob", "Rebob <rebob@example.com>")).isTrue();
        assertThat(FromFilter.matches("EXAMPLE.com", "bob@example.com")).isTrue();
    }
}

package io.postyard.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainSuggesterTest {
    @Test
    void swappingTwoNeighboursIsOneEdit() {
        assertThat(DomainSuggester.distance("gmial.com", "gmail.com")).isEqualTo(1);
    }

    @Test
    void insertionsDeletionsAndSubstitutionsAreOneEditEach() {
        assertThat(DomainSuggester.distance("yahooo.com", "yahoo.com")).isEqualTo(1);
        assertThat(DomainSuggester.distance("gmai.com", "gmail.com")).isEqualTo(1);
        assertThat(DomainSuggester.distance("gnail.com", "gmail.com")).isEqualTo(1);
        assertThat(DomainSuggester.distance("gmial.con", "gmail.com")).isEqualTo(2);
        assertThat(DomainSuggester.distance("", "abc")).isEqualTo(3);
        assertThat(DomainSuggester.distance("same", "same")).isZero();
    }

    @Test
    void theClosestPopularDomainWins() {
        DomainSuggester suggester = new DomainSuggester();

        assertThat(suggester.suggest("hotmail.co")).contains("hotmail.com");
        assertThat(suggester.suggest("mail.con")).contains("mail.com");
    }
}

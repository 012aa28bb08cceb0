package io.postyard.core.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ReservedLocalPartsTest {
    private final ReservedLocalParts reserved = new ReservedLocalParts(Set.of("postmaster", " Abuse ", "no-reply"));

    @Test
    void roleAddressesAreReservedWhateverTheirCaseOrTag() {
        assertThat(reserved.isReserved("postmaster")).isTrue();
        assertThat(reserved.isReserved("PostMaster")).isTrue();
        assertThat(reserved.isReserved("abuse+reports")).isTrue();
        assertThat(reserved.isReserved("no-reply")).isTrue();
    }

    @Test
    void otherAddressesAreNot() {
        assertThat(reserved.isReserved("postmasters")).isFalse();
        assertThat(reserved.isReserved("ann")).isFalse();
        assertThat(reserved.isReserved("+postmaster")).isFalse();
    }
}

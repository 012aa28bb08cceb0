package io.postyard.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ThreadingHeadersTest {
    @Test
    void parentsAreTheRepliedMessageThenTheReferencesNewestFirst() {
        ThreadingHeaders headers = ThreadingHeaders.of(("From: a@b.test\r\nIn-Reply-To: <c@x>\r\n"
            + "References: <a@x>\r\n <b@x> <c@x>\r\nSubject: Re\r\n\r\nbody <not@an.id>\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(headers.inReplyTo()).containsExactly("<c@x>");
        assertThat(headers.references()).containsExactly("<a@x>", "<b@x>", "<c@x>");
        assertThat(headers.parentCandidates()).containsExactly("<c@x>", "<b@x>", "<a@x>");
    }

    @Test
    void aMessageWithoutThreadingHeadersHasNoParents() {
        ThreadingHeaders headers = ThreadingHeaders.of("Subject: hi\r\n\r\nIn-Reply-To: <body@x>\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(headers.parentCandidates()).isEmpty();
    }

    @Test
    void addressesAndIdsAreTakenOutOfTheirHeaderValues() {
        assertThat(ThreadingHeaders.bareAddress("Airline Support <support@airline.test>")).isEqualTo("support@airline.test");
        assertThat(ThreadingHeaders.bareAddress("support@airline.test")).isEqualTo("support@airline.test");
        assertThat(ThreadingHeaders.firstId("  <id-1@host> (comment)")).contains("<id-1@host>");
        assertThat(ThreadingHeaders.firstId("no id")).isEmpty();
    }
}

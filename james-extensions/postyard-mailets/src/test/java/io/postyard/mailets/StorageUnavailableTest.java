package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

import io.postyard.core.storage.StorageAvailability;

class StorageUnavailableTest {
    /** Storage that calls a failure an outage when it, or a cause, is an {@link OutageException}. */
    private static final class FakeStorage implements StorageAvailability {
        private final boolean reachable;

        private FakeStorage(boolean reachable) {
            this.reachable = reachable;
        }

        @Override
        public boolean isOutage(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof OutageException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isReachable() {
            return reachable;
        }
    }

    private static final class OutageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private OutageException() {
            super("no node was available");
        }
    }

    private static StorageUnavailable matcher(boolean reachable) throws MessagingException {
        StorageUnavailable matcher = new StorageUnavailable(new FakeStorage(reachable));
        matcher.init(FakeMatcherConfig.builder().matcherName("StorageUnavailable")
            .mailetContext(FakeMailContext.defaultContext()).build());
        return matcher;
    }

    /** As James's processor records a mailet's failure on the mail. */
    private static FakeMail failedWith(Throwable failure) throws MessagingException {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "one@sender.test", "two@sender.test");
        mail.setAttribute(new Attribute(Mail.MAILET_ERROR, AttributeValue.ofUnserializable(failure)));
        return mail;
    }

    @Test
    void mailWhoseFailureIsAStorageOutageMatchesAllItsRecipients() throws Exception {
        FakeMail mail = failedWith(new MessagingException("store failed", new OutageException()));

        assertThat(TestMails.addresses(matcher(true).match(mail))).containsExactly("one@sender.test", "two@sender.test");
    }

    @Test
    void mailWithoutARecordedFailureMatchesWhileTheStorageDoesNotAnswer() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "one@sender.test");

        assertThat(TestMails.addresses(matcher(false).match(mail))).containsExactly("one@sender.test");
    }

    @Test
    void anOrdinaryFailureWithTheStorageUpDoesNotMatch() throws Exception {
        FakeMail mail = failedWith(new UncheckedIOException(new IOException("malformed message")));

        assertThat(matcher(true).match(mail)).isEmpty();
        assertThat(matcher(true).match(TestMails.mail(TestMails.plainMessage(), "one@sender.test"))).isEmpty();
    }
}

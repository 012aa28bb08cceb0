package io.postyard.mailgun.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * A login that can authenticate to SMTP submission, IMAP and POP3. The password lives in James's users repository;
 * this only records when the login was created through Postyard, which James does not track.
 */
public record SmtpCredential(Username login, Optional<Instant> createdAt) {
    public SmtpCredential {
        Objects.requireNonNull(login);
        Objects.requireNonNull(createdAt);
    }
}

package io.postyard.mailgun.credential;

import java.time.Clock;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import io.postyard.core.mailbox.MailUserExistsException;
import io.postyard.core.mailbox.MailUserNotFoundException;
import io.postyard.core.mailbox.MailUsers;

/** Mail logins (James users, through {@link MailUsers}) of a domain: they authenticate to SMTP submission, IMAP and POP3. */
public class CredentialService {
    private final MailUsers users;
    private final CredentialStore store;
    private final Clock clock;

    @Inject
    public CredentialService(MailUsers users, CredentialStore store, Clock clock) {
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    public SmtpCredential create(Username login, String password) {
        try {
            users.create(login, password);
        } catch (MailUserExistsException e) {
            throw new CredentialAlreadyExistsException(login);
        }
        store.recordCreation(login, clock.instant());
        return new SmtpCredential(login, store.createdAt(login));
    }

    public void changePassword(Username login, String password) {
        try {
            users.setPassword(login, password);
        } catch (MailUserNotFoundException e) {
            throw new CredentialNotFoundException(login);
        }
    }

    /** Removes the login and its mail: a login made again under the name must not find the former one's. */
    public void delete(Username login) {
        if (!users.exists(login)) {
            throw new CredentialNotFoundException(login);
        }
        users.delete(login);
        store.forget(login);
    }

    public boolean exists(Username login) {
        return users.exists(login);
    }

    /** Every login of the domain, sorted, whether or not it was created through Postyard. */
    public List<SmtpCredential> list(Domain domain) {
        return users.ofDomain(domain).stream()
            .map(login -> new SmtpCredential(login, store.createdAt(login)))
            .toList();
    }

    /** Returns how many logins went. */
    public int deleteAll(Domain domain) {
        List<Username> logins = users.ofDomain(domain);
        logins.forEach(this::delete);
        return logins.size();
    }
}

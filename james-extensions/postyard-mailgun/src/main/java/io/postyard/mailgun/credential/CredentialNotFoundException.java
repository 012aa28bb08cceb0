package io.postyard.mailgun.credential;

import org.apache.james.core.Username;

public class CredentialNotFoundException extends RuntimeException {
    public CredentialNotFoundException(Username login) {
        super("Credentials " + login.asString() + " not found");
    }
}

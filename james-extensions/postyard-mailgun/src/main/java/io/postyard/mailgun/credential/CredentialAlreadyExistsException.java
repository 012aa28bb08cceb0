package io.postyard.mailgun.credential;

import org.apache.james.core.Username;

public class CredentialAlreadyExistsException extends RuntimeException {
    public CredentialAlreadyExistsException(Username login) {
        super("Credentials " + login.asString() + " already exist");
    }
}

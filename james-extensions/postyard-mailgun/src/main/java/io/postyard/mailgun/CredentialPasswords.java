package io.postyard.mailgun;

import java.util.Map;

import io.postyard.http.ApiException;

/** The document's password rule (5 to 32 characters), plus no control characters, which IMAP LOGIN cannot carry. */
final class CredentialPasswords {
    static final int MIN_LENGTH = 5;
    static final int MAX_LENGTH = 32;

    static String validate(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ApiException.validation("Password length must be between " + MIN_LENGTH + " and " + MAX_LENGTH
                + " characters", Map.of("field", "password"));
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("Password must not contain control characters", Map.of("field", "password"));
        }
        return password;
    }

    private CredentialPasswords() {
    }
}

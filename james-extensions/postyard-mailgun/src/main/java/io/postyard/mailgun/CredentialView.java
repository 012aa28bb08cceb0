package io.postyard.mailgun;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.postyard.mailgun.credential.SmtpCredential;

@JsonPropertyOrder(alphabetic = true)
record CredentialView(@JsonProperty("created_at") String createdAt,
                      @JsonProperty("login") String login,
                      @JsonProperty("mailbox") String mailbox) {
    static CredentialView of(SmtpCredential credential) {
        return new CredentialView(credential.createdAt().map(MailgunDates::rfc2822).orElse(null),
            credential.login().asString(), credential.login().asString());
    }
}

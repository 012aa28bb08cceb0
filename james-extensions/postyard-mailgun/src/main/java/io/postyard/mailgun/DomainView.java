package io.postyard.mailgun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.MailDomain;
import io.postyard.mailgun.domain.MailgunDomainSettings;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
record DomainView(@JsonProperty("created_at") String createdAt,
                  @JsonProperty("force_dkim_authority") boolean forceDkimAuthority,
                  @JsonProperty("is_disabled") boolean disabled,
                  @JsonProperty("mailfrom_host") String mailfromHost,
                  @JsonProperty("name") String name,
                  @JsonProperty("require_tls") boolean requireTls,
                  @JsonProperty("skip_verification") boolean skipVerification,
                  @JsonProperty("smtp_login") String smtpLogin,
                  @JsonProperty("spam_action") String spamAction,
                  @JsonProperty("state") String state,
                  @JsonProperty("type") String type,
                  @JsonProperty("updated_at") String updatedAt,
                  @JsonProperty("use_automatic_sender_security") boolean automaticSenderSecurity,
                  @JsonProperty("web_prefix") String webPrefix,
                  @JsonProperty("web_scheme") String webScheme,
                  @JsonProperty("wildcard") boolean wildcard) {

    /** List items carry no {@code updated_at}, as in the document's example. */
    static DomainView summary(MailDomain domain, MailgunDomainSettings settings) {
        return of(domain, settings, null);
    }

    static DomainView detail(MailDomain domain, MailgunDomainSettings settings) {
        return of(domain, settings, MailgunDates.rfc2822(domain.updatedAt()));
    }

    private static DomainView of(MailDomain domain, MailgunDomainSettings settings, String updatedAt) {
        return new DomainView(MailgunDates.rfc2822(domain.createdAt()), domain.forceDkimAuthority(),
            domain.state() == DomainState.DISABLED, settings.mailfromHost().orElse(null), domain.name().asString(),
            settings.requireTls(), settings.skipVerification(), "postmaster@" + domain.name().asString(), settings.spamAction(),
            domain.state().asString(), "custom", updatedAt, settings.automaticSenderSecurity(), settings.webPrefix(),
            settings.webScheme(), domain.wildcard());
    }
}

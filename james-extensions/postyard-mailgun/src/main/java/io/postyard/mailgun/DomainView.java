package io.postyard.mailgun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.postyard.core.domain.MailDomain;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
record DomainView(@JsonProperty("created_at") String createdAt,
                  @JsonProperty("force_dkim_authority") boolean forceDkimAuthority,
                  @JsonProperty("name") String name,
                  @JsonProperty("state") String state,
                  @JsonProperty("updated_at") String updatedAt,
                  @JsonProperty("wildcard") boolean wildcard) {

    /** List items carry no {@code updated_at}, as in the document's example. */
    static DomainView summary(MailDomain domain) {
        return new DomainView(MailgunDates.rfc2822(domain.createdAt()), domain.forceDkimAuthority(),
            domain.name().asString(), domain.state().asString(), null, domain.wildcard());
    }

    static DomainView detail(MailDomain domain) {
        return new DomainView(MailgunDates.rfc2822(domain.createdAt()), domain.forceDkimAuthority(),
            domain.name().asString(), domain.state().asString(), MailgunDates.rfc2822(domain.updatedAt()),
            domain.wildcard());
    }
}

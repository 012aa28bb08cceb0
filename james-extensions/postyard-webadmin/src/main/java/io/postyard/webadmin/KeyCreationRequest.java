package io.postyard.webadmin;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

record KeyCreationRequest(String kind, Optional<String> domain, List<String> permissions, String description,
                          Optional<String> account) {
    @JsonCreator
    KeyCreationRequest(@JsonProperty("kind") String kind,
                       @JsonProperty("domain") Optional<String> domain,
                       @JsonProperty("permissions") List<String> permissions,
                       @JsonProperty("description") String description,
                       @JsonProperty("account") Optional<String> account) {
        this.kind = kind;
        this.domain = domain == null ? Optional.empty() : domain;
        this.permissions = permissions == null ? List.of() : permissions;
        this.description = description == null ? "" : description;
        this.account = account == null ? Optional.empty() : account;
    }
}

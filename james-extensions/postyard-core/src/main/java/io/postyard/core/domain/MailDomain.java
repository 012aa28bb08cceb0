package io.postyard.core.domain;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.tracking.TrackingSettings;

/** A domain an account sends and receives for. The James domain of the same name is what SMTP accepts mail for. */
public record MailDomain(Domain name,
                         AccountId account,
                         DomainState state,
                         boolean wildcard,
                         boolean forceDkimAuthority,
                         Instant createdAt,
                         Instant updatedAt,
                         TrackingSettings tracking,
                         DnsVerification verification) {
    public MailDomain {
        Objects.requireNonNull(name);
        Objects.requireNonNull(account);
        Objects.requireNonNull(state);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        Objects.requireNonNull(tracking);
        Objects.requireNonNull(verification);
    }

    public MailDomain withState(DomainState newState, Instant at) {
        return new MailDomain(name, account, newState, wildcard, forceDkimAuthority, createdAt, at, tracking, verification);
    }

    public MailDomain withVerification(DnsVerification newVerification, Instant at) {
        return new MailDomain(name, account, state, wildcard, forceDkimAuthority, createdAt, at, tracking, newVerification);
    }

    public MailDomain withWildcard(boolean newWildcard, Instant at) {
        return new MailDomain(name, account, state, newWildcard, forceDkimAuthority, createdAt, at, tracking, verification);
    }

    public boolean canSend() {
        return state == DomainState.ACTIVE;
    }

    public MailDomain withTracking(TrackingSettings newTracking, Instant at) {
        return new MailDomain(name, account, state, wildcard, forceDkimAuthority, createdAt, at, newTracking, verification);
    }
}

package io.postyard.opensearch;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;

import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventType;
import io.postyard.core.event.Severity;

/** Event queries for tests, naming only the filters a test sets. */
final class Queries {
    private final Domain domain;
    private Instant begin;
    private Instant end;
    private Set<EventType> types = Set.of();
    private Optional<String> recipient = Optional.empty();
    private Set<String> tags = Set.of();
    private Optional<String> from = Optional.empty();
    private Optional<String> messageId = Optional.empty();
    private Optional<Severity> severity = Optional.empty();
    private boolean ascending = false;
    private int limit = 100;

    static Queries of(Domain domain, Instant begin, Instant end) {
        return new Queries(domain, begin, end);
    }

    private Queries(Domain domain, Instant begin, Instant end) {
        this.domain = domain;
        this.begin = begin;
        this.end = end;
    }

    Queries range(Instant begin, Instant end) {
        this.begin = begin;
        this.end = end;
        return this;
    }

    Queries types(EventType... types) {
        this.types = Set.of(types);
        return this;
    }

    Queries recipient(String recipient) {
        this.recipient = Optional.of(recipient);
        return this;
    }

    Queries tags(String... tags) {
        this.tags = Set.of(tags);
        return this;
    }

    Queries from(String from) {
        this.from = Optional.of(from);
        return this;
    }

    Queries messageId(String messageId) {
        this.messageId = Optional.of(messageId);
        return this;
    }

    Queries severity(Severity severity) {
        this.severity = Optional.of(severity);
        return this;
    }

    Queries ascending() {
        this.ascending = true;
        return this;
    }

    Queries limit(int limit) {
        this.limit = limit;
        return this;
    }

    EventQuery build() {
        return new EventQuery(domain, begin, end, types, recipient, tags, from, messageId, severity, Optional.empty(), ascending, limit);
    }
}

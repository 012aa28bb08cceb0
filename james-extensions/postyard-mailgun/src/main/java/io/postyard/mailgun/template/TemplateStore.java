package io.postyard.mailgun.template;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

public interface TemplateStore {
    boolean insertIfAbsent(MessageTemplate template);

    void save(MessageTemplate template);

    Optional<MessageTemplate> get(Domain domain, String name);

    /** The domain's templates ordered by name, after {@code afterName} when given. */
    List<MessageTemplate> list(Domain domain, Optional<String> afterName, int limit);

    boolean delete(Domain domain, String name);

    void deleteDomain(Domain domain);
}

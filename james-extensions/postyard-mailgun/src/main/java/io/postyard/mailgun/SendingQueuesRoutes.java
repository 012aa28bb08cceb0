package io.postyard.mailgun;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.key.ApiKey;
import io.postyard.core.sending.DomainMailQueues;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import spark.Request;
import spark.Service;

/**
 * {@code GET /v3/domains/{d}/sending_queues}: Postyard never pauses a queue itself, so both are enabled unless the
 * domain is disabled. {@code DELETE /v3/{d}/envelopes}: every scheduled and not yet delivered message of the domain
 * is removed, each recipient with a permanent {@code failed} event.
 */
class SendingQueuesRoutes {
    private final DomainService domains;
    private final DomainMailQueues queues;

    @Inject
    SendingQueuesRoutes(DomainService domains, DomainMailQueues queues) {
        this.domains = domains;
        this.queues = queues;
    }

    void define(Service service, String prefix) {
        service.get(prefix + "/v3/domains/:domain/sending_queues", Json.route((request, response) -> status(request)));
        service.delete(prefix + "/v3/:domain/envelopes", Json.route((request, response) -> cancel(request)));
    }

    private Map<String, Object> status(Request request) {
        MailDomain domain = owned(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regular", queue(domain));
        body.put("scheduled", queue(domain));
        return body;
    }

    private static Map<String, Object> queue(MailDomain domain) {
        Map<String, Object> queue = new LinkedHashMap<>();
        boolean disabled = domain.state() == DomainState.DISABLED;
        queue.put("is_disabled", disabled);
        if (disabled) {
            queue.put("disabled", Map.of("until", "", "reason", "The domain is disabled"));
        }
        return queue;
    }

    private Map<String, Object> cancel(Request request) {
        MailDomain domain = owned(request);
        queues.cancel(domain.account(), domain.name());
        return Map.of("message", "done");
    }

    private MailDomain owned(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        return domains.get(key.account(), name).orElseThrow(() -> ApiException.notFound("Domain not found"));
    }
}

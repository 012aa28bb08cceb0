package io.postyard.webadmin;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /postyard/domains/{domain}/enable}: the only way back for a domain its owner disabled through the API's
 * kill switch.
 */
public class DomainAdminRoutes implements Routes {
    public static final String BASE_PATH = "/postyard/domains";

    private final DomainService domains;
    private final JsonTransformer jsonTransformer;

    @Inject
    public DomainAdminRoutes(DomainService domains, JsonTransformer jsonTransformer) {
        this.domains = domains;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH + "/:domain", this::show, jsonTransformer);
        service.post(BASE_PATH + "/:domain/enable", this::enable, jsonTransformer);
    }

    private Map<String, Object> show(Request request, Response response) {
        return view(find(request));
    }

    private Map<String, Object> enable(Request request, Response response) {
        MailDomain domain = find(request);
        return view(domains.enable(domain.account(), domain.name()));
    }

    private MailDomain find(Request request) {
        String raw = request.params("domain");
        try {
            return domains.find(Domain.of(raw)).orElseThrow(() -> notFound(raw));
        } catch (IllegalArgumentException e) {
            throw notFound(raw);
        }
    }

    private static spark.HaltException notFound(String raw) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("Domain %s is not a Postyard domain", raw)
            .haltError();
    }

    private static Map<String, Object> view(MailDomain domain) {
        return Map.of("domain", domain.name().asString(), "account", domain.account().value(), "state", domain.state().asString());
    }
}

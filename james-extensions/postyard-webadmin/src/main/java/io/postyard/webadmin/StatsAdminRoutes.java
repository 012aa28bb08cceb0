package io.postyard.webadmin;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import io.postyard.core.stats.StatsService;
import spark.Service;

/** {@code POST /postyard/stats/{domain}/rebuild}: recomputes a domain's counters from its events, which are the truth. */
public class StatsAdminRoutes implements Routes {
    public static final String BASE_PATH = "/postyard/stats";

    private final StatsService stats;
    private final JsonTransformer jsonTransformer;

    @Inject
    public StatsAdminRoutes(StatsService stats, JsonTransformer jsonTransformer) {
        this.stats = stats;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH + "/:domain/rebuild", (request, response) -> {
            Domain domain;
            try {
                domain = Domain.of(request.params("domain"));
            } catch (IllegalArgumentException e) {
                throw ErrorResponder.builder().statusCode(HttpStatus.BAD_REQUEST_400).type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                    .message("Invalid domain").haltError();
            }
            return Map.of("domain", domain.asString(), "events", stats.rebuild(domain));
        }, jsonTransformer);
    }
}

package io.postyard.opensrs;

import javax.inject.Inject;

import io.postyard.http.BodyReader;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;
import io.postyard.http.ProviderApi;
import spark.Service;

/**
 * The OpenSRS Hosted Email administration API (OMA) under {@code /opensrs}: a client configured with
 * {@code http://host:8080/opensrs/api} posts to {@code /opensrs/api/<method>}.
 */
public class OpenSrsApi implements ProviderApi {
    public static final String PREFIX = "/opensrs";

    private final OmaDispatcher dispatcher;

    @Inject
    public OpenSrsApi(OmaDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "OpenSRS Hosted Email (OMA)";
    }

    @Override
    public ErrorRenderer errors() {
        return OmaErrors.RENDERER;
    }

    @Override
    public void define(Service service) {
        service.post(PREFIX + "/api/:method", Json.route((request, response) ->
            dispatcher.dispatch(request.params("method"), BodyReader.read(request))));
    }
}

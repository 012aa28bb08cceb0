package io.postyard.mailgun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.core.address.AddressListParser;
import io.postyard.core.address.AddressValidation;
import io.postyard.core.address.AddressValidator;
import io.postyard.core.address.ParsedAddress;
import io.postyard.core.address.ParsedAddressList;
import io.postyard.core.address.ValidationReason;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import spark.Request;
import spark.Service;

/**
 * Address validation and parsing, computed here without any third party: {@code /v3/address/(private/)validate},
 * {@code /v4/address/validate} (in the v4 shape) and {@code /v3/address/(private/)parse}.
 */
class AddressRoutes {
    private static final int MAX_INPUT = 8192;

    private final AddressValidator validator;
    private final AddressListParser parser;

    @Inject
    AddressRoutes(AddressValidator validator, AddressListParser parser) {
        this.validator = validator;
        this.parser = parser;
    }

    void define(Service service, String prefix) {
        for (String path : List.of("/v3/address/private/validate", "/v3/address/validate")) {
            service.get(prefix + path, Json.route((request, response) -> v3(validate(request))));
        }
        service.get(prefix + "/v4/address/validate", Json.route((request, response) -> v4(validate(request))));
        service.post(prefix + "/v4/address/validate", Json.route((request, response) -> v4(validate(request))));
        for (String path : List.of("/v3/address/private/parse", "/v3/address/parse")) {
            service.get(prefix + path, Json.route((request, response) -> parse(request)));
        }
    }

    private AddressValidation validate(Request request) {
        return validator.validate(input(request, "address"));
    }

    private static String input(Request request, String name) {
        String value = QueryParams.string(request, name)
            .orElseThrow(() -> ApiException.validation("Missing parameter '" + name + "'", Map.of("field", name)));
        if (value.length() > MAX_INPUT) {
            throw ApiException.validation("Parameter '" + name + "' must be at most " + MAX_INPUT + " characters", Map.of("field", name));
        }
        return value;
    }

    private static Map<String, Object> v3(AddressValidation validation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", validation.address());
        body.put("did_you_mean", validation.didYouMean().orElse(null));
        body.put("is_disposable_address", validation.isDisposable());
        body.put("is_role_address", validation.isRoleAddress());
        body.put("is_valid", validation.isValid());
        body.put("parts", validation.parts()
            .map(parts -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("domain", parts.domain());
                view.put("local_part", parts.localPart());
                return view;
            })
            .orElseGet(() -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("domain", null);
                view.put("local_part", null);
                return view;
            }));
        body.put("reason", validation.reason().value());
        return body;
    }

    /** Mailgun v4 reports a verdict and a risk instead of a single reason. */
    private static Map<String, Object> v4(AddressValidation validation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", validation.address());
        validation.didYouMean().ifPresent(suggestion -> body.put("did_you_mean", suggestion));
        body.put("is_disposable_address", validation.isDisposable());
        body.put("is_role_address", validation.isRoleAddress());
        body.put("reason", validation.reason() == ValidationReason.LOW_DELIVERABILITY ? List.of() : List.of(validation.reason().value()));
        body.put("result", switch (validation.reason()) {
            case LOW_DELIVERABILITY -> "deliverable";
            case LOW_QUALITY -> validation.isDisposable() ? "do_not_send" : "deliverable";
            case INVALID_EMAIL, INVALID_DOMAIN -> "undeliverable";
            case UNEXPECTED_ERROR -> "unknown";
        });
        body.put("risk", switch (validation.reason()) {
            case LOW_DELIVERABILITY -> "low";
            case LOW_QUALITY -> validation.isDisposable() ? "high" : "medium";
            case INVALID_EMAIL, INVALID_DOMAIN -> "high";
            case UNEXPECTED_ERROR -> "unknown";
        });
        return body;
    }

    private Map<String, Object> parse(Request request) {
        ParsedAddressList result = parser.parse(input(request, "addresses"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parsed", result.parsed().stream().map(AddressRoutes::parsed).toList());
        body.put("unparseable", result.unparseable());
        return body;
    }

    private static Map<String, Object> parsed(ParsedAddress address) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", address.domain());
        view.put("email", address.email());
        view.put("localpart", address.localPart());
        address.name().ifPresent(name -> view.put("name", name));
        return view;
    }
}

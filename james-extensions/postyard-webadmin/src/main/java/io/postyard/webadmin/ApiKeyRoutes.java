package io.postyard.webadmin;

import static org.apache.james.webadmin.Constants.SEPARATOR;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonExtractException;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.james.webadmin.utils.Responses;
import org.eclipse.jetty.http.HttpStatus;

import io.postyard.core.account.AccountId;
import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.InvalidKeyRequestException;
import io.postyard.core.key.IssuedKey;
import io.postyard.core.key.KeyAdministration;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyRequest;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /postyard/keys}: create, list, show and revoke API keys. A key's secret appears only in the response that
 * creates it.
 */
public class ApiKeyRoutes implements Routes {
    public static final String BASE_PATH = "/postyard/keys";

    private final KeyAdministration administration;
    private final ApiKeyService keys;
    private final JsonTransformer jsonTransformer;
    private final JsonExtractor<KeyCreationRequest> extractor;

    @Inject
    public ApiKeyRoutes(KeyAdministration administration, ApiKeyService keys, JsonTransformer jsonTransformer) {
        this.administration = administration;
        this.keys = keys;
        this.jsonTransformer = jsonTransformer;
        this.extractor = new JsonExtractor<>(KeyCreationRequest.class);
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, this::create, jsonTransformer);
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.get(BASE_PATH + SEPARATOR + ":id", this::get, jsonTransformer);
        service.delete(BASE_PATH + SEPARATOR + ":id", this::revoke);
    }

    private KeyView create(Request request, Response response) throws JsonExtractException {
        KeyRequest keyRequest = toKeyRequest(extractor.parse(request.body()));
        try {
            IssuedKey issued = administration.issue(keyRequest);
            response.status(HttpStatus.CREATED_201);
            return KeyView.withSecret(issued.key(), issued.secret());
        } catch (InvalidKeyRequestException e) {
            throw badRequest(e.getMessage());
        }
    }

    private Object list(Request request, Response response) {
        AccountId account = Optional.ofNullable(request.queryParams("account")).map(AccountId::new).orElse(AccountId.DEFAULT);
        return keys.list(account).stream().map(KeyView::of).toList();
    }

    private KeyView get(Request request, Response response) {
        return KeyView.of(find(request));
    }

    private String revoke(Request request, Response response) {
        keys.revoke(find(request).id());
        return Responses.returnNoContent(response);
    }

    private ApiKey find(Request request) {
        return keys.get(new ApiKeyId(request.params("id")))
            .orElseThrow(() -> ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(ErrorResponder.ErrorType.NOT_FOUND)
                .message("Key %s does not exist", request.params("id"))
                .haltError());
    }

    private KeyRequest toKeyRequest(KeyCreationRequest body) {
        if (body == null || body.kind() == null) {
            throw badRequest("'kind' is required");
        }
        try {
            KeyKind kind = new KeyKind(body.kind());
            Optional<Domain> domain = body.domain().map(Domain::of);
            Set<String> permissions = body.permissions().stream().collect(Collectors.toUnmodifiableSet());
            AccountId account = body.account().map(AccountId::new).orElse(AccountId.DEFAULT);
            return new KeyRequest(account, kind, domain, permissions, body.description());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static spark.HaltException badRequest(String message) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
            .message(message == null ? "Invalid key request" : message)
            .haltError();
    }
}

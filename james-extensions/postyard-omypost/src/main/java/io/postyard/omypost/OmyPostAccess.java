package io.postyard.omypost;

import java.util.Map;

import io.postyard.core.key.ApiKey;
import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.ErrorCode;
import spark.Request;

/** The permission check every route starts with. */
final class OmyPostAccess {
    static ApiKey require(Request request, Permission permission) {
        ApiKey key = Authenticated.require(request);
        if (!key.scope().hasPermission(permission.value())) {
            throw new ApiException(new ApiError(403, ErrorCode.FORBIDDEN, "Insufficient permissions",
                Map.of("required_permission", permission.value())));
        }
        return key;
    }

    private OmyPostAccess() {
    }
}

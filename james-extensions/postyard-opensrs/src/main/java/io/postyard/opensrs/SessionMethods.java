package io.postyard.opensrs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.opensrs.store.HostedUser;

/** {@code authenticate}, {@code generate_token}, {@code logout_user} and {@code echo}. */
public class SessionMethods implements OmaMethodGroup {
    static final long DEFAULT_SESSION_SECONDS = 10_800;
    static final long MAX_SESSION_SECONDS = 86_400;
    static final long DEFAULT_TOKEN_HOURS = 24;
    static final long MAX_TOKEN_HOURS = 24 * 30;
    private static final Set<String> TOKEN_TYPES = Set.of(OmaSessions.SESSION, OmaSessions.OMA, OmaSessions.SSO);

    private final OmaSessions sessions;
    private final OmaAccess access;
    private final BootstrapAdmin admin;

    @Inject
    public SessionMethods(OmaSessions sessions, OmaAccess access, BootstrapAdmin admin) {
        this.sessions = sessions;
        this.access = access;
        this.admin = admin;
    }

    @Override
    public Map<String, OmaMethod> methods() {
        return Map.of(
            "authenticate", this::authenticate,
            "generate_token", this::generateToken,
            "logout_user", this::logoutUser,
            "echo", SessionMethods::echo);
    }

    private Map<String, Object> authenticate(Caller caller, OmaRequest request) {
        if (request.field("generate_session_token").isPresent() && !request.flag("generate_session_token")) {
            return Map.of();
        }
        long seconds = request.optionalLong("session_token_duration").orElse(DEFAULT_SESSION_SECONDS);
        if (seconds < 1 || seconds > MAX_SESSION_SECONDS) {
            throw OmaException.malformed("session_token_duration must be from 1 to " + MAX_SESSION_SECONDS + " seconds");
        }
        String token = sessions.issue(caller.login(), OmaSessions.SESSION, Duration.ofSeconds(seconds), Optional.empty());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("session_token", token);
        answer.put("session_token_duration", seconds);
        return answer;
    }

    private Map<String, Object> generateToken(Caller caller, OmaRequest request) {
        String login = tokenLogin(caller, request);
        request.requiredString("reason");
        String type = request.optionalString("type").orElse(OmaSessions.SESSION);
        if (!TOKEN_TYPES.contains(type)) {
            throw OmaException.malformed("type must be oma, session or sso");
        }
        long hours = request.optionalLong("duration").orElse(DEFAULT_TOKEN_HOURS);
        if (hours < 1 || hours > MAX_TOKEN_HOURS) {
            throw OmaException.malformed("duration must be from 1 to " + MAX_TOKEN_HOURS + " hours");
        }
        Optional<String> chosen = request.optionalString("token");
        if (chosen.isPresent() && (chosen.get().length() < OmaSessions.MIN_CUSTOM_TOKEN_LENGTH || !Text.isPlain(chosen.get(), 256)
            || chosen.get().contains(" "))) {
            throw OmaException.malformed("token must be " + OmaSessions.MIN_CUSTOM_TOKEN_LENGTH + " to 256 characters without spaces");
        }
        String token = sessions.issue(login, type, Duration.ofHours(hours), chosen);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", token);
        answer.put("type", type);
        answer.put("duration", hours);
        return answer;
    }

    private Map<String, Object> logoutUser(Caller caller, OmaRequest request) {
        String login = tokenLogin(caller, request);
        return Map.of("count", sessions.revokeAll(login));
    }

    /** Tokens are for the caller itself, or for a user it administers (an administrator signing a user in). */
    private String tokenLogin(Caller caller, OmaRequest request) {
        Optional<String> named = request.optionalString("user");
        if (named.isEmpty() || named.get().equalsIgnoreCase(caller.login())) {
            return caller.login();
        }
        if (admin.isNamed(named.get())) {
            throw OmaException.noPermission();
        }
        HostedUser user = access.requireAdministeredUser(caller, OmaNames.user(named.get()), false);
        return user.name().asString();
    }

    private static Map<String, Object> echo(Caller caller, OmaRequest request) {
        Map<String, Object> echoed = new LinkedHashMap<>();
        request.body().fields().forEachRemaining(field -> {
            if (!field.getKey().equals("credentials") && !field.getKey().equals("success")) {
                echoed.put(field.getKey(), field.getValue());
            }
        });
        return echoed;
    }
}

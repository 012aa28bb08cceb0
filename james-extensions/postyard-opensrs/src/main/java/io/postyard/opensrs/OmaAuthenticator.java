package io.postyard.opensrs;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.opensrs.store.AdminRole;
import io.postyard.opensrs.store.HostedUser;
import io.postyard.opensrs.store.HostedUserStore;

/**
 * Checks a call's {@code credentials}: {@code user} with its {@code password} (James checks it, so a suspended or
 * deleted user is refused) or a {@code token} (also {@code session_token}) issued to that user.
 */
public class OmaAuthenticator {
    private static final String INVALID = "Invalid credentials supplied in request";

    private final UsersRepository james;
    private final HostedUserStore users;
    private final BootstrapAdmin admin;
    private final OmaSessions sessions;

    @Inject
    public OmaAuthenticator(UsersRepository james, HostedUserStore users, BootstrapAdmin admin, OmaSessions sessions) {
        this.james = james;
        this.users = users;
        this.admin = admin;
        this.sessions = sessions;
    }

    public Caller authenticate(OmaRequest request) {
        JsonNode credentials = request.field("credentials")
            .orElseThrow(() -> OmaException.malformed("Missing required field: credentials"));
        if (!credentials.isObject()) {
            throw OmaException.malformed("Field credentials must be an object");
        }
        String login = text(credentials, "user").orElseThrow(() -> OmaException.malformed("Missing required field: credentials.user"));
        Optional<String> password = text(credentials, "password");
        Optional<String> token = text(credentials, "token").or(() -> text(credentials, "session_token"));
        if (password.isPresent()) {
            return withPassword(login, password.get());
        }
        if (token.isPresent()) {
            return withToken(login, token.get());
        }
        throw OmaException.malformed("credentials need a password or a token");
    }

    /** A caller from a login name alone, once a token has vouched for it. */
    public Optional<Caller> callerFor(String login) {
        if (admin.isNamed(login)) {
            return Optional.of(adminCaller());
        }
        return parse(login).flatMap(users::get).filter(HostedUser::mayLogIn).map(OmaAuthenticator::userCaller);
    }

    private Caller withPassword(String login, String password) {
        if (admin.accepts(login, password)) {
            return adminCaller();
        }
        Optional<HostedUser> user = parse(login).flatMap(users::get).filter(HostedUser::mayLogIn);
        if (user.isEmpty() || !passwordMatches(user.get().name(), password)) {
            throw new OmaException(OmaError.BAD_CREDENTIALS, INVALID);
        }
        return userCaller(user.get());
    }

    private Caller withToken(String login, String token) {
        String normalized = login.trim().toLowerCase(java.util.Locale.ROOT);
        return sessions.use(token)
            .filter(normalized::equals)
            .flatMap(this::callerFor)
            .orElseThrow(() -> new OmaException(OmaError.BAD_CREDENTIALS, INVALID));
    }

    private boolean passwordMatches(Username name, String password) {
        try {
            return james.test(name, password);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James could not check the password of " + name.asString(), e);
        }
    }

    private Caller adminCaller() {
        return new Caller(admin.name(), Optional.empty(), AdminRole.company(admin.company()), admin.company());
    }

    private static Caller userCaller(HostedUser user) {
        return new Caller(user.name().asString(), Optional.of(user.name()), user.role(), user.company());
    }

    private static Optional<Username> parse(String login) {
        try {
            return Optional.of(OmaNames.user(login));
        } catch (OmaException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw OmaException.malformed("Field credentials." + field + " must be a string");
        }
        return Optional.of(value.asText());
    }
}

package io.postyard.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import spark.Request;
import spark.Response;

/**
 * Who may see the console: every page and its JSON need a live session, found by its cookie; every form post (and
 * every JSON write) carries the session's CSRF token. Without a session a page goes to the sign-in page and JSON
 * answers 401; a post without the token is a 403. Pages are never cached, never framed, and load nothing from
 * elsewhere.
 */
public class ConsoleAccess {
    static final String COOKIE = "postyard_console";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "postyard.console.session";

    private final ConsoleSessions sessions;
    private final boolean secure;

    @Inject
    public ConsoleAccess(ConsoleSessions sessions, PostyardSettings settings) {
        this.sessions = sessions;
        this.secure = settings.optional(Setting.TLS_KEYSTORE).isPresent();
    }

    /** The filter in front of every console path. */
    public void check(Request request, Response response) {
        headers(response);
        String path = request.pathInfo();
        if (isPublic(path)) {
            return;
        }
        Optional<ConsoleSession> session = Optional.ofNullable(request.cookie(COOKIE)).flatMap(sessions::find);
        if (session.isEmpty()) {
            if (path.startsWith(ConsoleApi.PREFIX + "/api/")) {
                throw ApiException.unauthenticated("Sign in to the console first");
            }
            response.header("Location", ConsoleApi.PREFIX + "/login");
            spark.Spark.halt(302);
        }
        request.attribute(SESSION_ATTRIBUTE, session.get());
        if (!request.requestMethod().equals("GET") && !request.requestMethod().equals("HEAD") && !csrfMatches(request, session.get())) {
            throw ApiException.forbidden("The form is missing its CSRF token, or it has expired: reload the page");
        }
    }

    static ConsoleSession session(Request request) {
        ConsoleSession session = request.attribute(SESSION_ATTRIBUTE);
        if (session == null) {
            throw new IllegalStateException("No console session on " + request.pathInfo());
        }
        return session;
    }

    void signIn(Response response, ConsoleSession session) {
        response.header("Set-Cookie", COOKIE + "=" + session.id() + "; Path=" + ConsoleApi.PREFIX + "; HttpOnly; SameSite=Strict"
            + (secure ? "; Secure" : ""));
    }

    void signOut(Request request, Response response) {
        Optional.ofNullable(request.cookie(COOKIE)).ifPresent(sessions::close);
        response.header("Set-Cookie", COOKIE + "=; Path=" + ConsoleApi.PREFIX + "; Max-Age=0; HttpOnly; SameSite=Strict"
            + (secure ? "; Secure" : ""));
    }

    private static boolean isPublic(String path) {
        return path.equals(ConsoleApi.PREFIX + "/login") || path.startsWith(ConsoleApi.PREFIX + "/assets/");
    }

    private static boolean csrfMatches(Request request, ConsoleSession session) {
        String given = Optional.ofNullable(request.headers(CSRF_HEADER))
            .or(() -> FormData.parse(request).first(CSRF_FIELD))
            .orElse("");
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Set, not added: a page that needs another value (the mail viewer's frame, the static files) replaces them. */
    private static void headers(Response response) {
        response.raw().setHeader("Cache-Control", "no-store");
        response.raw().setHeader("X-Frame-Options", "DENY");
        response.raw().setHeader("X-Content-Type-Options", "nosniff");
        response.raw().setHeader("Referrer-Policy", "no-referrer");
        response.raw().setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
    }
}

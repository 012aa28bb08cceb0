package io.postyard.smtp;

import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts each SMTP listener's connections and its answers by command and reply class ({@code 2xx}, {@code 4xx},
 * {@code 5xx}): what an operator alerts on when mail is refused. Listed in every handler chain of
 * {@code conf/smtpserver.xml}; the listener is its port.
 */
public class SmtpMetrics implements ProtocolHandlerResultHandler<Response, SMTPSession> {
    private final MeterRegistry registry;

    @Inject
    public SmtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every answer, the greeting included: a connection is counted by its greeting (a connect handler's answer), since
     * James's other result handlers expect every connect handler to answer.
     */
    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        if (response != null && handler instanceof ConnectHandler<?>) {
            Counter.builder("postyard.smtp.connections")
                .description("Connections opened to an SMTP listener")
                .tag("port", port(session))
                .register(registry)
                .increment();
        }
        Optional.ofNullable(response).map(Response::getRetCode).filter(code -> !code.isEmpty()).ifPresent(code ->
            Counter.builder("postyard.smtp.replies")
                .description("Answers of an SMTP listener, by command and reply class")
                .tag("port", port(session))
                .tag("command", command(handler))
                .tag("class", code.charAt(0) + "xx")
                .register(registry)
                .increment());
        return response;
    }

    private static String port(ProtocolSession session) {
        return Optional.ofNullable(session.getLocalAddress()).map(address -> Integer.toString(address.getPort())).orElse("unknown");
    }

    /** The command a handler serves ({@code rcpt}, {@code data}...), or what kind of answer it is. */
    private static String command(ProtocolHandler handler) {
        if (handler instanceof CommandHandler<?> commands && !commands.getImplCommands().isEmpty()) {
            return commands.getImplCommands().iterator().next().toLowerCase(Locale.ROOT);
        }
        return handler instanceof ConnectHandler<?> ? "connect" : "other";
    }
}

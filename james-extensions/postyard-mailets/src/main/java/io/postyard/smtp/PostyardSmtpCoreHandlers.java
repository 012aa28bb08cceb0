package io.postyard.smtp;

import java.util.List;
import java.util.stream.Stream;

import org.apache.james.protocols.lib.handler.HandlersPackage;
import org.apache.james.smtpserver.CoreCmdHandlerLoader;

/**
 * James's core SMTP handlers, with {@link AuthFailureThrottle} ahead of them. James loads the core package before the
 * handlers a chain lists, and asks AUTH hooks in that order: listed after the core, the throttle would be asked only
 * once James's own check had already accepted the password.
 */
public class PostyardSmtpCoreHandlers implements HandlersPackage {
    @Override
    public List<String> getHandlers() {
        return Stream.concat(Stream.of(AuthFailureThrottle.class.getName()), new CoreCmdHandlerLoader().getHandlers().stream())
            .toList();
    }
}

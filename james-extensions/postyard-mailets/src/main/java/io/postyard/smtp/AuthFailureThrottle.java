package io.postyard.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.UsersRepositoryAuthHook;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Slows password guessing over SMTP AUTH: after {@code smtp.auth.max.failures} failed logins from one address within
 * {@code smtp.auth.failure.window}, that address gets a temporary refusal for every AUTH, right password or not, until
 * the window has let some failures go. Counting per address rather than per user keeps an attacker from locking a
 * user out. James's own check stays the judge of a password: this hook asks James's {@link UsersRepositoryAuthHook}
 * and counts its refusals (James 3.8.1 does not report AUTH hook results to result hooks). One instance serves every
 * listener, so that changing ports does not reset the count.
 */
@Singleton
public class AuthFailureThrottle implements AuthHook {
    private static final HookResult THROTTLED = HookResult.builder()
        .hookReturnCode(HookReturnCode.denySoft())
        .smtpReturnCode("454")
        .smtpDescription("4.7.0 Too many failed authentications from your address, try again later")
        .build();

    private final UsersRepositoryAuthHook passwords;
    private final long maxFailures;
    private final Duration window;
    private final Cache<InetAddress, Bucket> failures;

    @Inject
    public AuthFailureThrottle(UsersRepositoryAuthHook passwords, PostyardSettings settings) {
        this.passwords = passwords;
        this.maxFailures = settings.getLong(Setting.SMTP_AUTH_MAX_FAILURES);
        this.window = settings.getDuration(Setting.SMTP_AUTH_FAILURE_WINDOW);
        this.failures = CacheBuilder.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        if (throttled(session)) {
            return THROTTLED;
        }
        HookResult result = passwords.doAuth(session, username, password);
        if (result.getResult().getAction() == HookReturnCode.Action.DECLINED) {
            bucketOf(address(session)).tryConsume(1);
        }
        return result;
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return throttled(session) ? THROTTLED : HookResult.DECLINED;
    }

    private boolean throttled(SMTPSession session) {
        Bucket bucket = failures.getIfPresent(address(session));
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucketOf(InetAddress address) {
        try {
            return failures.get(address, () -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(maxFailures).refillGreedy(maxFailures, window).build())
                .build());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress address(SMTPSession session) {
        return session.getRemoteAddress().getAddress();
    }
}

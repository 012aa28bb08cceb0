package io.postyard.server.jpa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Optional;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.Username;
import org.apache.james.sieve.jpa.JPASieveRepository;
import org.apache.james.sieverepository.api.ScriptContent;
import org.apache.james.sieverepository.api.ScriptName;
import org.apache.james.sieverepository.api.exception.DuplicateException;
import org.apache.james.sieverepository.api.exception.IsActiveException;
import org.apache.james.sieverepository.api.exception.QuotaExceededException;
import org.apache.james.sieverepository.api.exception.ScriptNotFoundException;
import org.apache.james.sieverepository.api.exception.StorageException;

import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * James's JPA Sieve scripts on the single-node SQL profile, with each user's active script (or that there is none,
 * the usual answer) kept in memory: local delivery looks it up for every recipient, and scripts change only through
 * ManageSieve or WebAdmin on this node.
 */
class CachedJpaSieveRepository extends JPASieveRepository {
    private static final int USERS_KEPT = 100_000;

    private final WriteInvalidatedCache<Username, Optional<ActiveScript>> active = new WriteInvalidatedCache<>(USERS_KEPT);

    @Inject
    CachedJpaSieveRepository(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    public ZonedDateTime getActivationDateForActiveScript(Username username) throws StorageException, ScriptNotFoundException {
        return activeScript(username).activatedAt();
    }

    @Override
    public InputStream getActive(Username username) throws ScriptNotFoundException, StorageException {
        return new ByteArrayInputStream(activeScript(username).content().getBytes(StandardCharsets.UTF_8));
    }

    private ActiveScript activeScript(Username username) throws StorageException, ScriptNotFoundException {
        return active.get(username, () -> loadActiveScript(username))
            .orElseThrow(() -> new ScriptNotFoundException("Unable to find active script for user " + username.asString()));
    }

    private Optional<ActiveScript> loadActiveScript(Username username) throws StorageException {
        try (InputStream content = super.getActive(username)) {
            return Optional.of(new ActiveScript(super.getActivationDateForActiveScript(username),
                new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (ScriptNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Unable to read the active script of " + username.asString(), e);
        }
    }

    @Override
    public void putScript(Username username, ScriptName name, ScriptContent content) throws StorageException, QuotaExceededException {
        try {
            super.putScript(username, name, content);
        } finally {
            active.forget(username);
        }
    }

    @Override
    public void setActive(Username username, ScriptName name) throws ScriptNotFoundException, StorageException {
        try {
            super.setActive(username, name);
        } finally {
            active.forget(username);
        }
    }

    @Override
    public void deleteScript(Username username, ScriptName name) throws ScriptNotFoundException, IsActiveException, StorageException {
        try {
            super.deleteScript(username, name);
        } finally {
            active.forget(username);
        }
    }

    @Override
    public void renameScript(Username username, ScriptName oldName, ScriptName newName)
        throws ScriptNotFoundException, DuplicateException, StorageException {
        try {
            super.renameScript(username, oldName, newName);
        } finally {
            active.forget(username);
        }
    }

    private record ActiveScript(ZonedDateTime activatedAt, String content) {
    }
}

package io.postyard.openmail;

import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.job.TimedJob;

/** Forgets idempotency keys past their 24 hours, hourly: lookups ignore them already, this frees their memory. */
class IdempotencyPurge implements TimedJob {
    private final IdempotentRequests requests;

    @Inject
    IdempotencyPurge(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    public String name() {
        return "openmail-idempotency-purge";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        requests.purgeExpired();
    }
}

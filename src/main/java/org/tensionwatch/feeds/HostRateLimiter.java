package org.tensionwatch.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most one request to a host per {@code spacing}, whichever feeds or pages of that host ask: many feeds of one
 * outlet do not hammer it. Thread-safe.
 */
public final class HostRateLimiter {

    private final Duration spacing;
    private final Map<String, Instant> nextAllowed = new HashMap<>();

    public HostRateLimiter(Duration spacing) {
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("spacing < 0: " + spacing);
        }
        this.spacing = spacing;
    }

    /**
     * Takes the host's next slot when it is free at {@code now}, and answers zero; else answers how long until it is,
     * and takes nothing.
     */
    public synchronized Duration tryAcquire(String host, Instant now) {
        Instant allowed = nextAllowed.getOrDefault(host, Instant.MIN);
        if (now.isBefore(allowed)) {
            return Duration.between(now, allowed);
        }
        nextAllowed.put(host, now.plus(spacing));
        return Duration.ZERO;
    }

    /** Waits for the host's next slot, then takes it (for pages fetched during a poll). */
    public void acquire(String host) throws InterruptedException {
        while (true) {
            Duration wait = tryAcquire(host, Instant.now());
            if (wait.isZero()) {
                return;
            }
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }
}

package org.tensionwatch.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The alert webhook: every step of every alert on the alerts topic POSTed, signed, to one URL.
 * Off unless {@code tension.webhook.url} is set.
 */
@ConfigMapping(prefix = "tension.webhook")
public interface WebhookConfig {

    /** Where alert steps are POSTed; unset turns the webhook off. */
    Optional<URI> url();

    /** The shared HMAC-SHA256 key the receiver verifies signatures with; required when {@code url} is set. */
    Optional<String> secret();

    /** Attempts per alert step, the first included, before it is given up and sent to the dead-letter topic. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with each further one, up to {@code max-backoff}. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest wait between attempts (also the most of a receiver's Retry-After that is honoured). */
    @WithDefault("60s")
    Duration maxBackoff();

    /** How long one attempt may take to connect and to get a response. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Where a new webhook (a consumer group without committed offsets) starts: {@code earliest}
     * delivers every alert step the topic holds, {@code latest} only those raised from now on.
     */
    @WithDefault("earliest")
    String autoOffsetReset();
}

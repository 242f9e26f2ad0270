package org.tensionwatch.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what: {@code tension.security.*}. Bearer tokens (JWT) are configured with smallrye-jwt's own settings,
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location} (a PEM or JWKS file, or a JWKS URL).
 */
@ConfigMapping(prefix = "tension.security")
public interface SecurityConfig {

    /** API keys as {@code NAME:ROLE+ROLE:SHA256HEX}, comma-separated; see {@link ApiKeys}. */
    Optional<List<String>> apiKeys();

    /**
     * The secret the instances of one deployment show each other ({@code X-Tension-Cluster-Secret}) when one asks
     * another for the parts of an answer it holds ({@code /api/internal/*}). The same on every instance.
     */
    Optional<String> clusterSecret();

    /**
     * The roles of a request without credentials. Unset: every role on the embedded broker (the quick start, HTTP on
     * 127.0.0.1), none on an external cluster. {@code read} gives an anonymous read-only dashboard; {@code none}
     * gives nothing.
     */
    Optional<List<String>> anonymousRoles();

    /**
     * On an external cluster, lets the service start without any authentication configured, or with
     * {@code ingest} or {@code admin} among the anonymous roles: anyone who reaches the port can then post articles.
     */
    @WithDefault("false")
    boolean allowAnonymousWrites();
}

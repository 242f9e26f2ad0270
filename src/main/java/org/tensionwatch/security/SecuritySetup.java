package org.tensionwatch.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the security settings once, before Kafka is touched, and refuses to start when they are unsafe (see
 * {@link AccessPolicy#problems()}); says in the log how requests are authenticated.
 */
@Singleton
@Startup(100)
public class SecuritySetup {

    private static final Logger LOG = LoggerFactory.getLogger(SecuritySetup.class);

    /** smallrye-jwt's settings that give it a key or JWKS to verify tokens with. */
    static final List<String> TOKEN_KEY_SETTINGS = List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "smallrye.jwt.verify.key.location", "mp.jwt.decrypt.key.location");

    @Inject
    SecurityConfig settings;

    @Inject
    Config config;

    private AccessPolicy policy;
    private Set<String> anonymousRoles;

    @PostConstruct
    void check() {
        boolean external = config.getOptionalValue("kafka.bootstrap.servers", String.class).filter(s -> !s.isBlank()).isPresent();
        String httpHost = config.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        boolean exposed = external || !loopback(httpHost);
        boolean tokens = TOKEN_KEY_SETTINGS.stream()
                .anyMatch(name -> config.getOptionalValue(name, String.class).filter(s -> !s.isBlank()).isPresent());
        boolean severalInstances = config.getOptionalValue("tension.streams.advertised-host", String.class)
                .filter(s -> !s.isBlank()).isPresent();
        policy = new AccessPolicy(exposed, ApiKeys.parse(settings.apiKeys().orElse(List.of())), tokens,
                settings.clusterSecret().filter(s -> !s.isBlank()), settings.anonymousRoles(), settings.allowAnonymousWrites(),
                severalInstances);
        List<String> problems = policy.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
        anonymousRoles = policy.anonymousRoles();
        if (!anonymousRoles.isEmpty() && (exposed || anonymousRoles.contains(Roles.INGEST))) {
            LOG.warn("{}", policy.describe());
        } else {
            LOG.info("{}", policy.describe());
        }
    }

    /** Whether the HTTP server listens on the loopback interface only ({@code 127.0.0.1}, {@code localhost}, {@code ::1}). */
    static boolean loopback(String host) {
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    public ApiKeys apiKeys() {
        return policy.apiKeys();
    }

    public Optional<String> clusterSecret() {
        return policy.clusterSecret();
    }

    /** The roles of a request without credentials; empty: such requests get 401 where a role is needed. */
    public Set<String> anonymousRoles() {
        return anonymousRoles;
    }
}

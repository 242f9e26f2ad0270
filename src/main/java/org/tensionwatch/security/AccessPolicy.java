package org.tensionwatch.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The access the settings give, checked once at start: which roles a request without credentials has, and whether the
 * settings are safe to start with. On the embedded broker (the quick start, HTTP on 127.0.0.1) anonymous requests may
 * do everything unless told otherwise; on an external cluster, or when the HTTP server listens beyond the loopback
 * interface, they may do nothing unless told otherwise, and the service does not start without an authentication setup
 * (API keys or a token issuer) unless anonymous writes are allowed explicitly.
 *
 * @param exposed {@code kafka.bootstrap.servers} is set, or {@code quarkus.http.host} is not a loopback address
 * @param apiKeys the configured API keys
 * @param tokensConfigured a key or JWKS to verify bearer tokens with is configured
 * @param clusterSecret the secret instances show each other
 * @param anonymousRolesSetting {@code tension.security.anonymous-roles}, if set
 * @param allowAnonymousWrites {@code tension.security.allow-anonymous-writes}
 * @param severalInstances {@code tension.streams.advertised-host} is set: other instances call {@code /api/internal/*}
 */
public record AccessPolicy(boolean exposed, ApiKeys apiKeys, boolean tokensConfigured, Optional<String> clusterSecret,
        Optional<List<String>> anonymousRolesSetting, boolean allowAnonymousWrites, boolean severalInstances) {

    /** The roles of a request that shows no credentials. */
    public Set<String> anonymousRoles() {
        if (anonymousRolesSetting.isPresent()) {
            Set<String> roles = new LinkedHashSet<>();
            for (String role : anonymousRolesSetting.get()) {
                String r = role.trim().toLowerCase(Locale.ROOT);
                if (r.isEmpty() || r.equals("none")) {
                    continue;
                }
                if (!Roles.USER_ROLES.contains(r)) {
                    throw new IllegalArgumentException("tension.security.anonymous-roles: unknown role '" + role
                            + "'; the roles are admin, ingest, read (or none)");
                }
                roles.add(r);
            }
            return Set.copyOf(roles);
        }
        return !exposed || allowAnonymousWrites ? Roles.USER_ROLES : Set.of();
    }

    /** Whether a request may authenticate at all: API keys or bearer tokens are configured. */
    public boolean authenticationConfigured() {
        return !apiKeys.isEmpty() || tokensConfigured;
    }

    /**
     * The reasons not to start, empty when the settings are safe: on an external cluster, no authentication and no
     * explicit permission for anonymous writes, or anonymous writes without it; several instances without a cluster
     * secret while anonymous requests may not call {@code /api/internal/*}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> anonymous;
        try {
            anonymous = anonymousRoles();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        if (exposed && !allowAnonymousWrites) {
            if (!authenticationConfigured()) {
                problems.add("the service runs on an external cluster (kafka.bootstrap.servers) or serves other machines "
                        + "(quarkus.http.host) but no authentication is configured: set "
                        + "tension.security.api-keys or a token issuer (mp.jwt.verify.issuer and "
                        + "mp.jwt.verify.publickey.location), or allow anyone who reaches the port to post articles with "
                        + "tension.security.allow-anonymous-writes=true");
            }
            if (anonymous.contains(Roles.INGEST) || anonymous.contains(Roles.ADMIN)) {
                problems.add("tension.security.anonymous-roles gives requests without credentials the role "
                        + (anonymous.contains(Roles.INGEST) ? Roles.INGEST : Roles.ADMIN) + " on an external cluster or port: "
                        + "set tension.security.allow-anonymous-writes=true if that is meant");
            }
        }
        if (severalInstances && clusterSecret.filter(s -> !s.isBlank()).isEmpty() && !anonymous.contains(Roles.ADMIN)) {
            problems.add("tension.streams.advertised-host is set, so other instances ask this one for the parts of answers "
                    + "it holds (/api/internal/*): set the same tension.security.cluster-secret on every instance");
        }
        if (clusterSecret.filter(s -> !s.isBlank() && s.length() < 16).isPresent()) {
            problems.add("tension.security.cluster-secret is shorter than 16 characters");
        }
        return problems;
    }

    /** One line for the log: how requests are authenticated and what anonymous ones may do. */
    public String describe() {
        Set<String> anonymous = anonymousRoles();
        String ways = (apiKeys.isEmpty() ? "" : apiKeys.size() + " API key" + (apiKeys.size() == 1 ? "" : "s"))
                + (tokensConfigured ? (apiKeys.isEmpty() ? "" : ", ") + "bearer tokens (JWT)" : "");
        return "Authentication: " + (ways.isEmpty() ? "none configured" : ways)
                + (clusterSecret.isPresent() ? "; instances show the cluster secret" : "")
                + "; requests without credentials " + (anonymous.isEmpty() ? "are refused (401)"
                        : "may " + String.join(", ", new java.util.TreeSet<>(anonymous))
                        + (exposed ? "" : " (embedded broker, HTTP on the loopback interface only: anonymous access allowed)"));
    }
}

package org.tensionwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The service's own ways to authenticate, tried before bearer tokens are read as JWTs (smallrye-jwt):
 *
 * <ul>
 *   <li>{@code X-Tension-Cluster-Secret: SECRET}: another instance of the deployment; role {@code peer};</li>
 *   <li>{@code X-API-Key: KEY} or {@code Authorization: Bearer KEY}: an API key of {@code tension.security.api-keys}
 *       (a bearer value that is no API key is left to the JWT mechanism);</li>
 *   <li>{@code ?access_token=TOKEN} on the live streams ({@code /api/stream/*}) only, where a browser's
 *       {@code EventSource} cannot send a header: an API key or a JWT;</li>
 *   <li>nothing: the anonymous roles of {@link AccessPolicy}, if any.</li>
 * </ul>
 *
 * A secret or key shown but wrong is refused at once (401), never passed over.
 */
@ApplicationScoped
public class TensionAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String CLUSTER_SECRET_HEADER = "X-Tension-Cluster-Secret";
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String TOKEN_PARAMETER = "access_token";
    static final String STREAM_PATHS = "/api/stream/";
    private static final String FAILURE_REASON = "tension.authentication-failure";

    @Inject
    SecuritySetup setup;

    @Inject
    JWTParser jwt;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String clusterSecret = context.request().getHeader(CLUSTER_SECRET_HEADER);
        if (clusterSecret != null) {
            if (setup.clusterSecret().isPresent() && ApiKeys.sameSecret(setup.clusterSecret().get(), clusterSecret)) {
                return Uni.createFrom().item(identity(new QuarkusPrincipal("cluster-peer"), Set.of(Roles.PEER), false));
            }
            return refused(context, "the cluster secret (" + CLUSTER_SECRET_HEADER + ") is not this deployment's");
        }
        String apiKey = context.request().getHeader(API_KEY_HEADER);
        if (apiKey != null) {
            return apiKey(context, apiKey.trim());
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var key = setup.apiKeys().match(authorization.substring(7).trim());
                if (key.isPresent()) {
                    return Uni.createFrom().item(identity(new QuarkusPrincipal(key.get().name()), key.get().roles(), false));
                }
            }
            return Uni.createFrom().nullItem(); // a JWT, for smallrye-jwt
        }
        String token = context.request().getParam(TOKEN_PARAMETER);
        if (token != null) {
            if (!context.normalizedPath().startsWith(STREAM_PATHS)) {
                return refused(context, "a token as a query parameter (" + TOKEN_PARAMETER + ") is taken on the live streams only ("
                        + STREAM_PATHS + "*); send it as Authorization: Bearer TOKEN");
            }
            var key = setup.apiKeys().match(token);
            if (key.isPresent()) {
                return Uni.createFrom().item(identity(new QuarkusPrincipal(key.get().name()), key.get().roles(), false));
            }
            return Uni.createFrom().item(() -> jsonWebToken(token)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .onFailure().invoke(e -> context.put(FAILURE_REASON, e.getMessage()));
        }
        if (!setup.anonymousRoles().isEmpty()) {
            return Uni.createFrom().item(identity(new QuarkusPrincipal("anonymous"), setup.anonymousRoles(), true));
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<SecurityIdentity> apiKey(RoutingContext context, String presented) {
        var key = setup.apiKeys().match(presented);
        if (key.isEmpty()) {
            return refused(context, "the API key (" + API_KEY_HEADER + ") is not known");
        }
        return Uni.createFrom().item(identity(new QuarkusPrincipal(key.get().name()), key.get().roles(), false));
    }

    private SecurityIdentity jsonWebToken(String token) {
        try {
            JsonWebToken parsed = jwt.parse(token);
            return identity(parsed, parsed.getGroups() == null ? Set.of() : parsed.getGroups(), false);
        } catch (ParseException | RuntimeException e) {
            throw new AuthenticationFailedException("the token (" + TOKEN_PARAMETER + ") is neither an API key nor a valid "
                    + "token of the configured issuer", e);
        }
    }

    private static SecurityIdentity identity(Principal principal, Set<String> roles, boolean anonymous) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles).setAnonymous(anonymous).build();
    }

    /** Refused, with the reason kept for the 401's message (Quarkus answers a failed authentication with the challenge). */
    private static Uni<SecurityIdentity> refused(RoutingContext context, String why) {
        context.put(FAILURE_REASON, why);
        return Uni.createFrom().failure(new AuthenticationFailedException(why));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    /** A 401 with a JSON message, as every error of the API has (the default challenge has no body). */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().ended()) {
            context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                    .putHeader("Content-Type", "application/json")
                    .end(AuthFailures.json(context.get(FAILURE_REASON) == null ? AuthFailures.NO_CREDENTIALS
                            : "authentication failed: " + context.get(FAILURE_REASON)));
        }
        return Uni.createFrom().item(true);
    }

    /** Before smallrye-jwt's mechanism, which would refuse an API key sent as a bearer token. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}

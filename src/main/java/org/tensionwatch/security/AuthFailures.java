package org.tensionwatch.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Authentication and authorization failures as a JSON message like the API's other errors: 401 (no or wrong
 * credentials, with {@code WWW-Authenticate: Bearer}) or 403 (credentials without the role), never a bare status.
 * The REST endpoints' failures go through the mappers, those of the HTTP layer ({@code /q/metrics}, a wrong key on any
 * path) through the router's failure handler.
 */
@ApplicationScoped
public class AuthFailures {

    static final String NO_CREDENTIALS = "authentication required: send Authorization: Bearer TOKEN (a token of the "
            + "configured issuer or an API key) or X-API-Key: KEY";

    private static final ObjectMapper JSON = new ObjectMapper();

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<SecurityIdentity> identity;

    void failureHandler(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            send(context, 401, message(failure, NO_CREDENTIALS));
        } else if (failure instanceof ForbiddenException) {
            send(context, 403, forbiddenMessage(null).replace("requests without credentials do not have", "these credentials do not have"));
        } else {
            context.next();
        }
    }

    /** {@code {"error": message}}. */
    static String json(String message) {
        try {
            return JSON.writeValueAsString(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(RoutingContext context, int status, String message) {
        if (context.response().ended()) {
            return;
        }
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", MediaType.APPLICATION_JSON);
            if (status == 401) {
                context.response().putHeader("WWW-Authenticate", "Bearer");
            }
            context.response().end(JSON.writeValueAsString(Map.of("error", message)));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return json(401, NO_CREDENTIALS);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return json(401, message(e, NO_CREDENTIALS));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, forbiddenMessage(identity.isResolvable() ? identity.get() : null));
    }

    static String forbiddenMessage(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous()
                ? "this needs a role that requests without credentials do not have"
                : "'" + identity.getPrincipal().getName() + "' has roles " + new java.util.TreeSet<>(identity.getRoles())
                        + ", not the one this needs (" + Roles.READ + " for queries and streams, " + Roles.INGEST
                        + " to post articles, " + Roles.ADMIN + " for internal and operational endpoints)";
    }

    private static String message(Throwable failure, String fallback) {
        String message = failure.getMessage();
        if (message != null && !message.isBlank()) {
            return "authentication failed: " + message;
        }
        return failure instanceof AuthenticationFailedException
                ? "authentication failed: the credentials are not valid (an unknown API key, or a token that is expired, "
                        + "of another issuer or not signed by its key)"
                : fallback;
    }

    private static Response json(int status, String message) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}

package org.tensionwatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tensionwatch.ingest.NotEnglishException;
import org.tensionwatch.kafka.ArticlePublisher;
import org.tensionwatch.service.QueryRouter;

/** Turns bad requests into a 400 with a JSON message that says what is wrong. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return badRequest("malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e) {
        return badRequest("the JSON is not " + expectedShape(bodyType(e)) + ": " + e.getOriginalMessage());
    }

    /** The type of the whole body: the outermost object on the error's path, else the type that was being read. */
    static Class<?> bodyType(MismatchedInputException e) {
        if (!e.getPath().isEmpty()) {
            Object from = e.getPath().get(0).getFrom();
            if (from instanceof Class<?> type) {
                return type;
            }
            if (from != null) {
                return from.getClass();
            }
        }
        return e.getTargetType();
    }

    /** What the endpoint reads, in the words of its documentation (a feed body is not "an article"). */
    static String expectedShape(Class<?> target) {
        if (target == FeedRequest.class) {
            return "a feed (an object with url, and optionally id, source, pollInterval, fullText)";
        }
        if (target == ArticleRequest.class) {
            return "an article (an object with title, body, publishedAt, source, url)";
        }
        return "what this endpoint reads (see docs/api.md)";
    }

    /** The JSON reader reports an unreadable body as a bare 400; say why. */
    @ServerExceptionMapper
    public Response unreadableBody(WebApplicationException e) {
        if (e.getResponse().getStatus() != 400 || e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        return badRequest(cause == null ? "the request body is not valid JSON"
                : "malformed JSON: " + ((JsonProcessingException) cause).getOriginalMessage());
    }

    /** Under the HTTP body limit (2 MB) but over what a record of the articles topic takes (about 1 MB encoded). */
    @ServerExceptionMapper
    public Response articleTooLarge(ArticlePublisher.ArticleTooLargeException e) {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "the article is too large: at most about 1 MB of title, body, source and url "
                        + "together (" + e.getMessage() + ")"))
                .build();
    }

    /** An article the service cannot read: 422, with the language it was taken for. */
    @ServerExceptionMapper
    public Response notEnglish(NotEnglishException e) {
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage(), "language", e.language()))
                .build();
    }

    @ServerExceptionMapper
    public Response notReady(InvalidStateStoreException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "2")
                .entity(Map.of("error", "indicators are not queryable yet (the streams are starting or rebalancing); retry shortly"))
                .build();
    }

    @ServerExceptionMapper
    public Response peerUnavailable(QueryRouter.PeerUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "5")
                .entity(Map.of("error", "another instance holds part of the answer and did not give it: " + e.getMessage()))
                .build();
    }

    static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build();
    }
}

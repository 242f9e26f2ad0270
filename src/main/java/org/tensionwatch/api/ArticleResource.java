package org.tensionwatch.api;

import jakarta.annotation.security.RolesAllowed;
import org.tensionwatch.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tensionwatch.service.IngestionService;

/** Takes articles over HTTP. */
@Path("/api/articles")
@RolesAllowed(Roles.INGEST)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles", description = "Articles in")
public class ArticleResource {

    @Inject
    IngestionService ingestion;

    /** Publishes the article; 202 with its stable id once the broker has it (events and indicators follow asynchronously). */
    @POST
    @Operation(summary = "Ingest one article", description = "Publishes the article to tension.articles and answers 202 with its stable id "
            + "once the broker has it; events and indicators follow asynchronously. 400 with {\"error\": ...} for malformed JSON "
            + "or a missing or invalid field (title, body, publishedAt; publishedAt more than an hour ahead of the "
            + "server's clock or before year 1); 413 above quarkus.http.limits.max-body-size, or for an article larger "
            + "than a record of the articles topic takes (about 1 MB encoded); 422 with {\"error\": ..., \"language\": ...} for "
            + "an article that is not in English, which is counted (tension.articles.not.english) and not published.")
    public Response ingest(ArticleRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("the request needs a JSON body with title, body and publishedAt");
        }
        IngestionService.Accepted accepted = ingestion.accept(request.toNewArticle());
        return Response.accepted(Map.of("id", accepted.id(), "language", accepted.language())).build();
    }
}

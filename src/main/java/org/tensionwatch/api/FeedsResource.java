package org.tensionwatch.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tensionwatch.security.Roles;
import org.tensionwatch.service.FeedService;

/**
 * The feeds followed: reading them is for anyone who reads the indicators; adding and removing them changes what the
 * service ingests, an administrator's business.
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds", description = "RSS and Atom feeds followed")
public class FeedsResource {

    @Inject
    FeedService feeds;

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Every feed followed, with its state", description = "Each feed's definition and state: last poll, "
            + "what it did, items new, updated, unchanged and skipped (by reason, the last few named), errors and the last one.")
    public List<FeedView> list() {
        return feeds.list().stream().map(FeedView::of).toList();
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Path("/{id}")
    @Operation(summary = "One feed and its state; 404 when it is not followed")
    public FeedView get(@PathParam("id") String id) {
        return feeds.get(id).map(FeedView::of).orElseThrow(() -> notFound(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow a feed, or change one", description = "JSON: url (http or https, required), source (the "
            + "outlet's name, required), pollInterval (PT5M or 5m; 1 s to 1 day; default 5 minutes), fullText (fetch each new item's "
            + "page for its main text; default false), id (default: derived from the url). 201 for a new feed, 200 for a "
            + "changed one (its state kept while its url stays), 400 with {\"error\": ...} for a missing or invalid field.")
    public Response add(FeedRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("the request needs a JSON body with url and source");
        }
        FeedService.Added added = feeds.add(request.toDefinition());
        FeedView view = FeedView.of(added.record());
        return added.created()
                ? Response.created(URI.create("/api/feeds/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Stop following a feed", description = "204; 404 when it is not followed. A feed of the "
            + "settings (tension.feeds.sources) comes back at the next start unless removed there too.")
    public Response remove(@PathParam("id") String id) {
        if (!feeds.remove(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(java.util.Map.of("error", "no feed '" + id + "' is followed")).build());
    }
}

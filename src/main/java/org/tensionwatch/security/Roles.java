package org.tensionwatch.security;

import java.util.Set;

/** The roles of the API; a token's {@code groups} claim or an API key's entry names them. */
public final class Roles {

    /** Post articles ({@code POST /api/articles}). */
    public static final String INGEST = "ingest";
    /** Queries, live streams, the dashboard's data. */
    public static final String READ = "read";
    /** Internal and operational endpoints: {@code /api/internal/*}, {@code /q/metrics}. */
    public static final String ADMIN = "admin";
    /** Another instance of the service, authenticated by the shared cluster secret: {@code /api/internal/*} only. */
    public static final String PEER = "peer";

    /** The roles a user may be given (the peer role comes with the cluster secret alone). */
    public static final Set<String> USER_ROLES = Set.of(INGEST, READ, ADMIN);

    private Roles() {
    }
}

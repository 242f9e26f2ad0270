package org.tensionwatch.tools.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on the loopback interface (the JDK's {@code com.sun.net.httpserver}) that serves feeds and
 * pages from memory, with the answers a feed reader meets: ETag and 304, errors, Retry-After, slow bodies,
 * redirects. For the feeds benchmark and the tests.
 */
public final class LocalFeedServer implements AutoCloseable {

    /** How a path answers. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private LocalFeedServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** A server on a free port of 127.0.0.1. */
    public static LocalFeedServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "local-feed-server");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            LocalFeedServer local = new LocalFeedServer(server, threads);
            server.createContext("/", local::dispatch);
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local feed server", e);
        }
    }

    /** The address of a path on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers the path with this route from now on. */
    public LocalFeedServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serves a document with an ETag, and 304 to a request that has it. */
    public LocalFeedServer document(String path, String contentType, String body) {
        return document(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves bytes with an ETag, and 304 to a request that has it. */
    public LocalFeedServer document(String path, String contentType, byte[] body) {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        return route(path, exchange -> {
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            send(exchange, 200, contentType, body);
        });
    }

    /** How many requests the path has had. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Sends a whole answer. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends a whole answer of text in the given charset. */
    public static void send(HttpExchange exchange, int status, String contentType, String body, Charset charset)
            throws IOException {
        send(exchange, status, contentType, body.getBytes(charset));
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Route route = routes.get(path);
        try {
            if (route == null) {
                send(exchange, 404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8));
            } else {
                route.answer(exchange);
            }
        } catch (IOException e) {
            // the client went away (a timeout, a size limit): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

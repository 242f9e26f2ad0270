package org.tensionwatch.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events client on {@code java.net.http}, as small as a test needs: it parses the
 * stream into {@link Event}s (comments too) on a thread of its own, and {@link #close()} drops the
 * connection as a browser tab that goes away would.
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event, or a comment line ({@code name} "comment", the text in {@code data}). */
    record Event(String id, String name, String data) {
        boolean isComment() {
            return "comment".equals(name);
        }
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile String lastEventId;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects; the caller checks {@link #status()} (a 4xx or 5xx body is in the events as one "error" event). */
    static SseClient connect(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseClient(response);
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The last {@code id:} received, which a browser sends back as {@code Last-Event-ID} when it reconnects. */
    String lastEventId() {
        return lastEventId;
    }

    /** Everything received so far, in order. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events with this name received so far. */
    List<Event> named(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                StringBuilder body = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    body.append(line);
                }
                events.add(new Event(null, "error", body.toString()));
                return;
            }
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null) {
                        // as a browser does: an event without data still moves the last event id
                        lastEventId = id;
                    }
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, "comment", line.substring(1).trim()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                events.add(new Event(null, "error", "connection failed: " + e));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

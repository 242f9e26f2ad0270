package org.tensionwatch.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a feed or a page over HTTP with the JDK's client: a conditional GET ({@code If-None-Match},
 * {@code If-Modified-Since}) when the previous answer gave an ETag or a date, a connect timeout and a deadline for
 * the whole answer (a server that drips its body is cut off), a size limit (a body past it is abandoned, not
 * buffered), and at most {@link #MAX_REDIRECTS} redirects, a loop among them named as such.
 */
public final class FeedFetcher {

    /** Redirects followed at most. */
    public static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "TensionWatch/0.1 (feed reader)";

    /** An answer: its status, body (empty for 304) and the headers that matter. */
    public record Answer(URI uri, int status, byte[] body, String contentType, String etag, String lastModified,
            String retryAfter) {
    }

    /** The fetch did not get an answer: a timeout, a refused connection, a redirect loop, a body too large. */
    public static final class FetchException extends Exception {
        public FetchException(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    public FeedFetcher(Duration connectTimeout, Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** A GET, conditional when {@code etag} or {@code lastModified} is given. */
    public Answer get(URI uri, String etag, String lastModified, String accept) throws FetchException, InterruptedException {
        Set<URI> visited = new HashSet<>();
        URI current = uri;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int hop = 0; ; hop++) {
            if (!visited.add(current)) {
                throw new FetchException("redirect loop: " + current + " was reached twice");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(remaining(deadline))
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", accept)
                    .GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response = send(request.build(), deadline, current);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FetchException("HTTP " + status + " redirect without a Location from " + current);
                }
                if (hop >= MAX_REDIRECTS) {
                    throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + uri);
                }
                try {
                    current = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("HTTP " + status + " redirect to an invalid address: " + location.get());
                }
                String scheme = String.valueOf(current.getScheme()).toLowerCase(java.util.Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    throw new FetchException("redirect to a non-HTTP address: " + current);
                }
                continue;
            }
            return new Answer(current, status, response.body(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, long deadline, URI uri) throws FetchException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException("no complete answer from " + uri + " within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BodyTooLargeException) {
                throw new FetchException("the answer from " + uri + " is larger than " + maxBytes + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchException("no answer from " + uri + " within " + timeout);
            }
            if (cause instanceof IOException io && io.getCause() instanceof BodyTooLargeException) {
                throw new FetchException("the answer from " + uri + " is larger than " + maxBytes + " bytes");
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new FetchException("cannot fetch " + uri + ": " + message);
        }
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)));
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("body too large");
        }
    }

    /** Collects a body up to a limit, and gives up (cancelling the download) past it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long maxBytes;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}

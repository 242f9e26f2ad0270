package org.tensionwatch.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.kafka.Topic;

/**
 * Live subscriptions to the public topics: each one a {@link TopicTail} read by a thread of its own,
 * turned into a stream of {@link Signal}s that ends - and closes its consumer - when the subscriber
 * goes away. At most {@code tension.stream.max-subscriptions} are open at once, and at most
 * {@code tension.stream.max-subscriptions-per-client} of them for one client (one remote address), so that one client
 * cannot take every slot.
 */
@Singleton
@Startup
public class LiveSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscriptions.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a subscription sends: that it is open, a record, or a sign of life. */
    public sealed interface Signal<V> permits Opened, Record, Heartbeat {
    }

    /** The tail is positioned; records written from now on will follow. */
    public record Opened<V>(String topic, ResumeToken position) implements Signal<V> {
    }

    /** A record that passed the filter. */
    public record Record<V>(TopicTail.Delivery<V> delivery) implements Signal<V> {
    }

    /** Nothing was sent for a while; {@code position} is where the tail is now. */
    public record Heartbeat<V>(ResumeToken position) implements Signal<V> {
    }

    /** Thrown when {@code tension.stream.max-subscriptions} streams are already open. */
    public static final class LimitReachedException extends RuntimeException {
        public LimitReachedException(int max) {
            super("all " + max + " live subscriptions are in use (tension.stream.max-subscriptions); retry later");
        }
    }

    /** Thrown when the client already has {@code tension.stream.max-subscriptions-per-client} streams open. */
    public static final class ClientLimitReachedException extends RuntimeException {
        public ClientLimitReachedException(int max, String client) {
            super(client + " already has " + max + " live subscriptions open, the most one client may have "
                    + "(tension.stream.max-subscriptions-per-client); close one, or retry later");
        }
    }

    @Inject
    KafkaCluster cluster;

    @Inject
    TensionConfig config;

    @Inject
    MeterRegistry metrics;

    private final AtomicInteger open = new AtomicInteger();
    /** Open subscriptions by client; a client with none has no entry. */
    private final ConcurrentHashMap<String, Integer> openByClient = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong threadIds = new AtomicLong();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "live-subscription-" + threadIds.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void registerGauge() {
        Gauge.builder("tension.stream.subscriptions", open, AtomicInteger::get)
                .description("Open live subscriptions (Server-Sent Event streams), each with its own Kafka consumer")
                .register(metrics);
    }

    /** How many subscriptions are open now. */
    public int openSubscriptions() {
        return open.get();
    }

    /**
     * Opens a subscription: positions a tail at {@code start} at once (so that a bad resume token fails
     * here, before any response is sent) and returns the signals it will send once subscribed to.
     *
     * @param client who asks (the remote address), whose open subscriptions are counted against the per-client limit
     * @throws LimitReachedException when too many are open
     * @throws ClientLimitReachedException when the client has as many open as one client may
     * @throws IllegalArgumentException when the start does not fit the topic
     */
    public <V> Multi<Signal<V>> subscribe(Topic<String, V> topic, TopicTail.Start start,
            Predicate<TopicTail.Delivery<V>> filter, String client) {
        int max = config.stream().maxSubscriptions();
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            throw new LimitReachedException(max);
        }
        int maxPerClient = config.stream().maxSubscriptionsPerClient();
        if (!acquire(client, maxPerClient)) {
            open.decrementAndGet();
            throw new ClientLimitReachedException(maxPerClient, client);
        }
        TopicTail<V> tail;
        try {
            tail = TopicTail.open(cluster.connection(), topic, start);
        } catch (RuntimeException e) {
            release(client);
            open.decrementAndGet();
            throw e;
        }
        AtomicBoolean subscribed = new AtomicBoolean();
        return Multi.createFrom().<Signal<V>>emitter(emitter -> {
            if (!subscribed.compareAndSet(false, true)) {
                emitter.fail(new IllegalStateException("a live subscription can be consumed once"));
                return;
            }
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onTermination(() -> gone.set(true));
            threads.execute(() -> run(tail, filter, emitter, gone, client));
        }, BackPressureStrategy.BUFFER);
    }

    /** Counts one more subscription of the client, unless it has {@code max} already. */
    private boolean acquire(String client, int max) {
        boolean[] acquired = new boolean[1];
        openByClient.compute(client, (c, n) -> {
            int now = n == null ? 0 : n;
            acquired[0] = now < max;
            return acquired[0] ? now + 1 : n;
        });
        return acquired[0];
    }

    private void release(String client) {
        openByClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
    }

    private <V> void run(TopicTail<V> tail, Predicate<TopicTail.Delivery<V>> filter, MultiEmitter<? super Signal<V>> emitter,
            AtomicBoolean gone, String client) {
        long heartbeatNanos = config.stream().heartbeat().toNanos();
        try {
            emitter.emit(new Opened<>(tail.topic(), tail.position()));
            long lastSent = System.nanoTime();
            while (!gone.get() && !stopping.get()) {
                if (emitter.requested() <= 0) {
                    // a slow subscriber: read no further until it has taken what it was sent
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    continue;
                }
                boolean sent = false;
                for (TopicTail.Delivery<V> delivery : tail.poll(POLL)) {
                    if (filter.test(delivery)) {
                        emitter.emit(new Record<>(delivery));
                        sent = true;
                    }
                }
                if (sent) {
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent >= heartbeatNanos) {
                    emitter.emit(new Heartbeat<>(tail.position()));
                    lastSent = System.nanoTime();
                }
            }
            if (!gone.get()) {
                emitter.complete();
            }
        } catch (RuntimeException e) {
            LOG.warn("Live subscription to {} failed: {}", tail.topic(), e.toString());
            if (!gone.get()) {
                emitter.fail(e);
            }
        } finally {
            try {
                tail.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the consumer of a live subscription failed", e);
            }
            release(client);
            open.decrementAndGet();
        }
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.tensionwatch.kafka;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the records one service sends to the dead-letter topic, for its metrics endpoint: those its Streams
 * applications' {@link DeadLetterHandler} and {@link DeadLetterProcessingHandler} copy there (records they could not
 * decode or process), and the alert steps its webhook gave up on. Kafka Streams creates those handlers by class name,
 * so whoever starts the applications puts this object into their properties under this class's name, and each handler
 * counts into the one it was configured with: another Streams application in the same JVM (a benchmark's, a test's)
 * counts into its own, or into none.
 */
public final class DeadLetterCount {

    private final LongAdder sent = new LongAdder();

    /** Counts one record written to the dead-letter topic and acknowledged by the broker. */
    public void recordSent() {
        sent.increment();
    }

    /** The records counted so far. */
    public long sent() {
        return sent.sum();
    }
}

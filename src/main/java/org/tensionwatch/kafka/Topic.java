package org.tensionwatch.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values, so that a topic cannot be paired with the wrong serde. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(keySerde, "keySerde == null");
        Objects.requireNonNull(valueSerde, "valueSerde == null");
    }
}

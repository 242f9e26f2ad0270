package org.tensionwatch.streams;

import java.util.Objects;
import org.tensionwatch.indicators.CanonicalEvent;

/**
 * A change of one canonical event as the alerts topology moves it to its region's partition: the new version, or
 * {@code event == null} when the id stopped existing (a tombstone cannot travel as a null value, it would lose its id).
 */
public record CanonicalEventChange(String id, CanonicalEvent event) {

    public CanonicalEventChange {
        Objects.requireNonNull(id, "id == null");
    }
}

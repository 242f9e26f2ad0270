package org.tensionwatch.indicators;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.tensionwatch.domain.EventType;

/**
 * The weights, half-life and scale of the {@link TensionIndex}.
 *
 * <p>Default weights, per {@code log2(1 + n)} of a type's daily total (people for casualties, arrests, resignations and
 * dismissals, events for the rest): FATALITY 10 (the strongest sign of escalation), CLASH 5 (violence, per event),
 * INJURY 4, DEPLOYMENT 3 (forces moved), PROTEST 2, ARREST 2, RESIGNATION 2 (institutions walked out of),
 * DISMISSAL 1, CONDEMNATION 0.5 (words are cheap), APPEAL 0 (calls for restraint come with escalation and with
 * de-escalation alike, so they carry no sign). MILITARY_ALERT 3 is multiplied by the level of the day's highest alert:
 * raised 1, high 2, highest 3, so 3 / 6 / 9. Half-life 7 days: an escalation a week ago still counts half. Scale 40:
 * one day with 30 injured, a clash, a protest and a high alert reads about 56.
 *
 * @param weights per event type; a missing type weighs 0; negative weights are allowed (pressure never goes below 0)
 * @param halfLifeDays days after which a day's pressure counts half
 * @param scale the pressure at which the index reads 63 (100 * (1 - 1/e)); larger means slower saturation
 */
public record TensionIndexSettings(Map<EventType, Double> weights, double halfLifeDays, double scale) {

    public TensionIndexSettings {
        Objects.requireNonNull(weights, "weights == null");
        EnumMap<EventType, Double> copy = new EnumMap<>(EventType.class);
        weights.forEach((type, weight) -> {
            if (type == null || weight == null || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + type + " is not a finite number: " + weight);
            }
            copy.put(type, weight);
        });
        weights = Map.copyOf(copy);
        if (!(halfLifeDays > 0) || !Double.isFinite(halfLifeDays)) {
            throw new IllegalArgumentException("halfLifeDays must be positive: " + halfLifeDays);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** The defaults described above. */
    public static TensionIndexSettings defaults() {
        Map<EventType, Double> w = new EnumMap<>(EventType.class);
        w.put(EventType.FATALITY, 10.0);
        w.put(EventType.CLASH, 5.0);
        w.put(EventType.INJURY, 4.0);
        w.put(EventType.DEPLOYMENT, 3.0);
        w.put(EventType.MILITARY_ALERT, 3.0);
        w.put(EventType.PROTEST, 2.0);
        w.put(EventType.ARREST, 2.0);
        w.put(EventType.RESIGNATION, 2.0);
        w.put(EventType.DISMISSAL, 1.0);
        w.put(EventType.CONDEMNATION, 0.5);
        w.put(EventType.APPEAL, 0.0);
        return new TensionIndexSettings(w, 7, 40);
    }

    /** The weight of a type; 0 if not configured. */
    public double weight(EventType type) {
        return weights.getOrDefault(type, 0.0);
    }

    /** These settings with another half-life. */
    public TensionIndexSettings withHalfLifeDays(double days) {
        return new TensionIndexSettings(weights, days, scale);
    }
}

package org.tensionwatch.alerts;

import java.util.Arrays;
import java.util.Locale;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;

/**
 * What an alert rule watches, counted over canonical events the way the indicators count them: people for injuries,
 * fatalities, arrests, resignations and dismissals (each event's best figure, 1 when it gives none), events for
 * protests, clashes and deployments, every canonical event for {@link #EVENTS}. {@link #ALERT_LEVEL} is the rank of
 * the highest military alert in the window (raised 1, high 2, highest 3) and {@link #TENSION_INDEX} the region's
 * tension index on the window's last day; neither is a sum, so neither can be compared with a baseline.
 */
public enum AlertIndicator {
    INJURIES("injuries", EventType.INJURY),
    FATALITIES("fatalities", EventType.FATALITY),
    ARRESTS("arrests", EventType.ARREST),
    RESIGNATIONS("resignations", EventType.RESIGNATION),
    DISMISSALS("dismissals", EventType.DISMISSAL),
    PROTESTS("protests", EventType.PROTEST),
    CLASHES("clashes", EventType.CLASH),
    DEPLOYMENTS("deployments", EventType.DEPLOYMENT),
    EVENTS("events", null),
    ALERT_LEVEL("alertLevel", EventType.MILITARY_ALERT),
    TENSION_INDEX("tensionIndex", null);

    private final String configName;
    private final EventType type;

    AlertIndicator(String configName, EventType type) {
        this.configName = configName;
        this.type = type;
    }

    /** The name in configuration, on the alerts topic and in the API: {@code injuries}, {@code alertLevel}, ... */
    public String configName() {
        return configName;
    }

    /** Whether the value is a sum over the window's events, so that it has a per-window baseline. */
    public boolean isSum() {
        return this != ALERT_LEVEL && this != TENSION_INDEX;
    }

    /** Whether this event counts towards the indicator (and so is evidence for an alert on it). */
    public boolean counts(CanonicalEvent event) {
        return type == null || event.type() == type;
    }

    /** What one counted event adds to a sum: its people for people-counted types, else one event. */
    public long amount(CanonicalEvent event) {
        return type != null && CanonicalEvent.countsPeople(type) ? event.magnitude() : 1;
    }

    /**
     * Parses a configured name: {@code injuries}, {@code alertLevel}, {@code alert-level} or {@code ALERT_LEVEL}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static AlertIndicator parse(String name) {
        String wanted = normalize(name);
        return Arrays.stream(values()).filter(i -> normalize(i.configName).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown indicator '" + name + "'; one of "
                        + Arrays.stream(values()).map(AlertIndicator::configName).toList()));
    }

    private static String normalize(String name) {
        return name == null ? "" : name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT).trim();
    }
}

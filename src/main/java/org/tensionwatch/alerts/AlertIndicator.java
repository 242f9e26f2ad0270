package org.tensionwatch.alerts;

import java.util.Arrays;
import java.util.Locale;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.Indicator;

/**
 * What an alert rule watches, counted over canonical events the way the indicators count them: each sum is an
 * {@link Indicator} (its name, event types and what one event adds come from there): people for injuries,
 * fatalities, arrests, resignations and dismissals (each event's best figure, 1 when it gives none), the figures
 * given for protest participants and deployed personnel (0 when none is given), events for protests, clashes,
 * deployments, appeals and condemnations, every canonical event for {@link #EVENTS}. {@link #ALERT_LEVEL} is the rank of
 * the highest military alert in the window (raised 1, high 2, highest 3) and {@link #TENSION_INDEX} the region's
 * tension index on the window's last day; neither is a sum, so neither can be compared with a baseline.
 */
public enum AlertIndicator {
    INJURIES(Indicator.INJURIES),
    FATALITIES(Indicator.FATALITIES),
    ARRESTS(Indicator.ARRESTS),
    RESIGNATIONS(Indicator.RESIGNATIONS),
    DISMISSALS(Indicator.DISMISSALS),
    PROTESTS(Indicator.PROTESTS),
    PROTEST_PARTICIPANTS(Indicator.PROTEST_PARTICIPANTS),
    CLASHES(Indicator.CLASHES),
    DEPLOYMENTS(Indicator.DEPLOYMENTS),
    DEPLOYED_PERSONNEL(Indicator.DEPLOYED_PERSONNEL),
    APPEALS(Indicator.APPEALS),
    CONDEMNATIONS(Indicator.CONDEMNATIONS),
    EVENTS(Indicator.EVENTS),
    ALERT_LEVEL(Indicator.ALERT_LEVEL),
    TENSION_INDEX(null);

    private final Indicator indicator;
    private final String configName;

    AlertIndicator(Indicator indicator) {
        this.indicator = indicator;
        this.configName = indicator == null ? "tensionIndex" : indicator.fieldName();
    }

    /** The name in configuration, on the alerts topic and in the API: {@code injuries}, {@code alertLevel}, ... */
    public String configName() {
        return configName;
    }

    /** The indicator watched, or {@code null} for the tension index, which is computed from all of them. */
    public Indicator indicator() {
        return indicator;
    }

    /** Whether the value is a sum over the window's events, so that it has a per-window baseline. */
    public boolean isSum() {
        return indicator != null && indicator.isCount();
    }

    /** Whether this event counts towards the indicator (and so is evidence for an alert on it). */
    public boolean counts(CanonicalEvent event) {
        return indicator == null || indicator.eventTypes().contains(event.type());
    }

    /** What one counted event adds to a sum: its people for people-counted types, else one event. */
    public long amount(CanonicalEvent event) {
        return isSum() ? indicator.amount(event) : 1;
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

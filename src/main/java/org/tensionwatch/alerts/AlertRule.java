package org.tensionwatch.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tensionwatch.indicators.RollingPeriod;

/**
 * One alert rule: an indicator summed over a window, compared either with a fixed threshold or with the region's own
 * trailing baseline.
 *
 * @param id the rule's name in configuration; part of every alert id, so it must not contain {@code |}
 * @param level THRESHOLD: the value at or above which an alert is raised; CHANGE: the rise over the baseline at or
 *     above which it is raised (0.25: at least 25 % above)
 * @param baselineDays CHANGE: the trailing period before the window that the baseline is the mean of, per window
 * @param minBaseline CHANGE: the guard for low baselines: below this baseline (per window) no alert is raised, since
 *     "three times nothing" says little
 * @param minSources distinct outlets that must stand behind the window's events for an alert to be raised
 * @param severity the severity an alert is raised with
 * @param escalations higher levels (same unit as {@code level}) with higher severities, ascending
 * @param clearLevel hysteresis: an open alert clears only when the value falls below this (THRESHOLD) or the rise
 *     falls below this (CHANGE); at most {@code level}
 * @param cooldownDays after an alert cleared, no new alert of the same rule and region is raised for this many days
 */
public record AlertRule(
        String id,
        AlertIndicator indicator,
        RollingPeriod window,
        RuleKind kind,
        double level,
        int baselineDays,
        double minBaseline,
        int minSources,
        Severity severity,
        List<Escalation> escalations,
        double clearLevel,
        int cooldownDays) {

    /** At most this many days of baseline: a year and a bit, as ACLED's 52-week norm. */
    public static final int MAX_BASELINE_DAYS = 400;
    /** The tension index of a day depends on this many days before it (see TensionIndex#HISTORY_DAYS). */
    public static final int INDEX_HISTORY_DAYS = org.tensionwatch.indicators.TensionIndex.HISTORY_DAYS;

    public AlertRule {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(indicator, "indicator == null");
        Objects.requireNonNull(window, "window == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(severity, "severity == null");
        if (id.isBlank() || id.contains("|")) {
            throw new IllegalArgumentException("a rule id is a non-blank name without '|': '" + id + "'");
        }
        String what = "rule " + id + ": ";
        if (!Double.isFinite(level) || level < 0) {
            throw new IllegalArgumentException(what + "threshold or rise must be a number >= 0: " + level);
        }
        if (!Double.isFinite(clearLevel) || clearLevel > level) {
            throw new IllegalArgumentException(what + "the clearing level (" + clearLevel + ") must be at most the raising level (" + level + ")");
        }
        if (minSources < 0 || cooldownDays < 0) {
            throw new IllegalArgumentException(what + "min-sources and cooldown must not be negative");
        }
        if (kind == RuleKind.CHANGE) {
            if (!indicator.isSum()) {
                throw new IllegalArgumentException(what + indicator.configName() + " is not a sum over a window, so it has no baseline; use a threshold");
            }
            if (baselineDays < window.days() || baselineDays > MAX_BASELINE_DAYS) {
                throw new IllegalArgumentException(what + "baseline-days must be from " + window.days() + " to " + MAX_BASELINE_DAYS + ": " + baselineDays);
            }
            if (!(minBaseline > 0)) {
                throw new IllegalArgumentException(what + "a change rule needs min-baseline > 0, the guard for regions without history");
            }
        }
        List<Escalation> sorted = new ArrayList<>(escalations);
        sorted.sort(Comparator.comparingDouble(Escalation::level));
        Severity previous = severity;
        for (Escalation e : sorted) {
            if (e.level() <= level || e.severity().compareTo(previous) <= 0) {
                throw new IllegalArgumentException(what + "each escalation needs a higher level and a higher severity than the one before: " + e);
            }
            previous = e.severity();
        }
        escalations = List.copyOf(sorted);
    }

    /** A threshold rule: raise at {@code threshold} or above, clear below it, no cooldown, no source minimum. */
    public static AlertRule threshold(String id, AlertIndicator indicator, RollingPeriod window, double threshold, Severity severity) {
        return new AlertRule(id, indicator, window, RuleKind.THRESHOLD, threshold, 0, 0, 0, severity, List.of(), threshold, 0);
    }

    /** A change rule: raise at {@code rise} above the baseline of {@code baselineDays}, guard {@code minBaseline}. */
    public static AlertRule change(String id, AlertIndicator indicator, RollingPeriod window, double rise, int baselineDays,
            double minBaseline, Severity severity) {
        return new AlertRule(id, indicator, window, RuleKind.CHANGE, rise, baselineDays, minBaseline, 0, severity, List.of(), rise, 0);
    }

    public AlertRule withClearLevel(double clear) {
        return new AlertRule(id, indicator, window, kind, level, baselineDays, minBaseline, minSources, severity, escalations, clear, cooldownDays);
    }

    public AlertRule withCooldownDays(int days) {
        return new AlertRule(id, indicator, window, kind, level, baselineDays, minBaseline, minSources, severity, escalations, clearLevel, days);
    }

    public AlertRule withMinSources(int sources) {
        return new AlertRule(id, indicator, window, kind, level, baselineDays, minBaseline, sources, severity, escalations, clearLevel, cooldownDays);
    }

    public AlertRule withEscalations(List<Escalation> more) {
        return new AlertRule(id, indicator, window, kind, level, baselineDays, minBaseline, minSources, severity, more, clearLevel, cooldownDays);
    }

    /** The value at or above which an alert is raised, given the baseline (CHANGE) or not (THRESHOLD). */
    public double raiseAt(double baseline) {
        return valueOf(level, baseline);
    }

    /** The value below which an open alert clears. */
    public double clearBelow(double baseline) {
        return valueOf(clearLevel, baseline);
    }

    /** The severity that a value deserves: the rule's own, or that of the highest escalation it reaches. */
    public Severity severityFor(double value, double baseline) {
        Severity result = severity;
        for (Escalation e : escalations) {
            if (value >= valueOf(e.level(), baseline)) {
                result = e.severity();
            }
        }
        return result;
    }

    /** How many days of a region's events, up to the evaluated day, the rule reads. */
    public int horizonDays() {
        return switch (kind) {
            case THRESHOLD -> window.days() + (indicator == AlertIndicator.TENSION_INDEX ? INDEX_HISTORY_DAYS : 0);
            case CHANGE -> window.days() + baselineDays;
        };
    }

    private double valueOf(double configured, double baseline) {
        return kind == RuleKind.THRESHOLD ? configured : baseline * (1 + configured);
    }
}

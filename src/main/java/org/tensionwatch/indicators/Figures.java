package org.tensionwatch.indicators;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.tensionwatch.domain.Qualifier;

/**
 * Reconciles the figures that several reports give for one occurrence into low, best and high, each figure counting
 * only as what its qualifier says it is.
 *
 * <ul>
 *   <li>{@code best}: the highest {@code exact} figure; without one, the highest {@code about} or {@code at_least}
 *       figure (a lower bound is the safest number to count); without those, the highest {@code vague} one;
 *       {@code at_most} figures are upper bounds only and never become {@code best}.</li>
 *   <li>{@code low}: the lowest {@code exact}, {@code about} or {@code at_least} figure; {@code vague} ones only when
 *       there is nothing firmer.</li>
 *   <li>{@code high}: the highest {@code exact}, {@code about}, {@code at_least} or {@code at_most} figure;
 *       {@code vague} ones only when there is no {@code exact}, {@code about} or {@code at_least} figure.</li>
 * </ul>
 * Example: 30 exact, about 25, dozens (vague 12), at least 20 and 30 exact give low 20, best 30 (exact), high 30.
 */
public record Figures(Long low, Long best, Long high, Qualifier bestQualifier) {

    /** No figure at all. */
    public static final Figures NONE = new Figures(null, null, null, null);

    public Figures {
        if ((best == null) != (bestQualifier == null)) {
            throw new IllegalArgumentException("best and bestQualifier must both be set or both be null");
        }
        if (low != null && high != null && low > high) {
            throw new IllegalArgumentException("low > high: " + low + " > " + high);
        }
    }

    /** The reconciled figures of some reports; {@link #NONE} if none gives a figure. */
    public static Figures reconcile(Collection<ReportRef> reports) {
        List<ReportRef> counted = reports.stream().filter(r -> r.count() != null).toList();
        if (counted.isEmpty()) {
            return NONE;
        }
        Predicate<ReportRef> firm = r -> r.qualifier() != Qualifier.VAGUE && r.qualifier() != Qualifier.AT_MOST;
        Predicate<ReportRef> vague = r -> r.qualifier() == Qualifier.VAGUE;
        Predicate<ReportRef> bounded = r -> r.qualifier() != Qualifier.VAGUE;

        boolean anyFirm = counted.stream().anyMatch(firm);
        Long low = anyFirm ? min(counted, firm) : min(counted, vague);
        Long high = anyFirm ? max(counted, bounded) : max(counted, r -> true);

        Long exact = max(counted, r -> r.qualifier() == Qualifier.EXACT);
        Long atLeast = max(counted, r -> r.qualifier() == Qualifier.AT_LEAST);
        if (exact != null) {
            // "more than 50" above every exact count says the exact counts were partial: the lower bound is the better figure
            return atLeast != null && atLeast > exact
                    ? new Figures(low, atLeast, high, Qualifier.AT_LEAST)
                    : new Figures(low, exact, high, Qualifier.EXACT);
        }
        Long about = max(counted, r -> r.qualifier() == Qualifier.ABOUT);
        if (about != null || atLeast != null) {
            boolean aboutWins = atLeast == null || (about != null && about >= atLeast);
            return new Figures(low, aboutWins ? about : atLeast, high, aboutWins ? Qualifier.ABOUT : Qualifier.AT_LEAST);
        }
        Long weak = max(counted, vague);
        return new Figures(low, weak, high, weak == null ? null : Qualifier.VAGUE);
    }

    private static Long min(List<ReportRef> reports, Predicate<ReportRef> which) {
        return reports.stream().filter(which).map(ReportRef::count).filter(Objects::nonNull)
                .min(Long::compare).orElse(null);
    }

    private static Long max(List<ReportRef> reports, Predicate<ReportRef> which) {
        return reports.stream().filter(which).map(ReportRef::count).filter(Objects::nonNull)
                .max(Long::compare).orElse(null);
    }
}

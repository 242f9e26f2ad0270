package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.Qualifier;

class FiguresTest {

    private static List<ReportRef> figures(Object... countsAndQualifiers) {
        ReportRef[] refs = new ReportRef[countsAndQualifiers.length / 2];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = ReportRef.of(Reports.injury("a" + i)
                    .count((Integer) countsAndQualifiers[2 * i], (Qualifier) countsAndQualifiers[2 * i + 1]).build());
        }
        return Arrays.asList(refs);
    }

    @Test
    void shouldTakeTheHighestExactFigureAsBestAndTheFirmFiguresAsBounds() {
        Figures f = Figures.reconcile(figures(30, Qualifier.EXACT, 25, Qualifier.ABOUT, 12, Qualifier.VAGUE,
                20, Qualifier.AT_LEAST, 30, Qualifier.EXACT));

        assertThat(f).isEqualTo(new Figures(20L, 30L, 30L, Qualifier.EXACT));
    }

    @Test
    void shouldPreferALowerBoundAboveEveryExactFigureOverTheExactFigures() {
        // one hospital counted ten, another outlet says more than 50 were hurt: at least 50, not 10
        assertThat(Figures.reconcile(figures(10, Qualifier.EXACT, 50, Qualifier.AT_LEAST, 50, Qualifier.ABOUT)))
                .isEqualTo(new Figures(10L, 50L, 50L, Qualifier.AT_LEAST));
    }

    @Test
    void shouldTakeALowerBoundAsBestWhenNoFigureIsExact() {
        assertThat(Figures.reconcile(figures(50, Qualifier.AT_LEAST, 40, Qualifier.ABOUT)))
                .isEqualTo(new Figures(40L, 50L, 50L, Qualifier.AT_LEAST));
    }

    @Test
    void shouldUseVagueFiguresOnlyWhenNothingFirmerIsReported() {
        assertThat(Figures.reconcile(figures(100, Qualifier.VAGUE, 1000, Qualifier.VAGUE)))
                .isEqualTo(new Figures(100L, 1000L, 1000L, Qualifier.VAGUE));
    }

    @Test
    void shouldCountAnAtMostFigureAsAnUpperBoundOnly() {
        assertThat(Figures.reconcile(figures(50, Qualifier.AT_MOST)))
                .isEqualTo(new Figures(null, null, 50L, null));
        assertThat(Figures.reconcile(figures(12, Qualifier.VAGUE, 50, Qualifier.AT_MOST)))
                .isEqualTo(new Figures(12L, 12L, 50L, Qualifier.VAGUE));
    }

    @Test
    void shouldGiveNoFiguresWhenNoReportHasOne() {
        assertThat(Figures.reconcile(List.of(ReportRef.of(Reports.injury("a1").build())))).isEqualTo(Figures.NONE);
    }
}

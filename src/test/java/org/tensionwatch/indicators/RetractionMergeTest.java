package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@link Retraction} takes its report out of the canonical events, as if it had never come. */
class RetractionMergeTest {

    private final CanonicalEventMerger merger = CanonicalEventMerger.withDefaults();

    @Test
    void shouldRemoveTheEventWhenItsOnlyReportIsRetracted() {
        EventReport report = Reports.injury("a1").exactly(30).build();
        List<CanonicalEvent> known = merger.mergeAll(List.of(), List.of(report)).events();

        MergeResult result = merger.mergeAll(known, List.of(new Retraction(report.eventId())));

        assertThat(result.events()).isEmpty();
        assertThat(result.upserts()).isEmpty();
        assertThat(result.removedIds()).containsExactly(known.get(0).id());
    }

    @Test
    void shouldReconcileTheOtherReportsOfTheIncidentAgainWithoutTheRetractedOne() {
        EventReport thirty = Reports.injury("a1").exactly(30).build();
        EventReport twelve = Reports.injury("a2").exactly(12).build();
        List<CanonicalEvent> known = merger.mergeAll(List.of(), List.of(thirty, twelve)).events();
        assertThat(known).singleElement().satisfies(e -> assertThat(e.best()).isEqualTo(30));

        MergeResult result = merger.mergeAll(known, List.of(new Retraction(thirty.eventId())));

        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(known.get(0).id());
            assertThat(e.best()).isEqualTo(12);
            assertThat(e.reports()).extracting(ReportRef::articleId).containsExactly("a2");
        });
        assertThat(result.removedIds()).isEmpty();
    }

    @Test
    void shouldResultInWhatTheReportsLeftGiveWhateverWasRetracted() {
        EventReport thirty = Reports.injury("a1").exactly(30).build();
        EventReport twelve = Reports.injury("a2").exactly(12).build();
        EventReport nextDay = Reports.injury("a3").exactly(5).on("2023-05-31").build();
        List<CanonicalEvent> all = merger.mergeAll(List.of(), List.of(thirty, twelve, nextDay)).events();

        List<CanonicalEvent> retracted = merger.mergeAll(all, List.of(new Retraction(twelve.eventId()))).events();

        assertThat(retracted).isEqualTo(merger.mergeAll(List.of(), List.of(thirty, nextDay)).events());
    }

    @Test
    void shouldChangeNothingForAnUnknownOrRepeatedRetraction() {
        EventReport report = Reports.injury("a1").exactly(30).build();
        List<CanonicalEvent> known = merger.mergeAll(List.of(), List.of(report)).events();

        MergeResult unknown = merger.mergeAll(known, List.of(new Retraction("elsewhere#0")));
        MergeResult once = merger.mergeAll(known, List.of(new Retraction(report.eventId())));
        MergeResult twice = merger.mergeAll(once.events(), List.of(new Retraction(report.eventId())));

        assertThat(unknown.upserts()).isEmpty();
        assertThat(unknown.removedIds()).isEmpty();
        assertThat(unknown.events()).isEqualTo(known);
        assertThat(twice.upserts()).isEmpty();
        assertThat(twice.removedIds()).isEmpty();
        assertThat(merger.mergeAll(List.of(), List.of(new Retraction(report.eventId()))).events()).isEmpty();
    }

    @Test
    void shouldApplyReportsAndRetractionsOfOneBatchInTheirOrder() {
        EventReport first = Reports.injury("a1").exactly(30).build();
        EventReport again = Reports.injury("a1").exactly(31).build();
        Retraction retraction = new Retraction(first.eventId());

        assertThat(merger.mergeAll(List.of(), List.of(first, retraction)).events()).isEmpty();
        assertThat(merger.mergeAll(List.of(), List.of(first, retraction, again)).events())
                .singleElement().satisfies(e -> assertThat(e.best()).isEqualTo(31));
    }
}

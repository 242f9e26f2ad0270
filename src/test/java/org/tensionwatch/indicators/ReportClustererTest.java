package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

class ReportClustererTest {

    private static final MatchKey KEY = new MatchKey("XK", EventType.INJURY);
    private static final String[] ACTORS = {"KFOR soldiers", "peacekeepers", "police", "protesters", "Serb mayors",
        "people", null, null};

    private final ReportClusterer clusterer = new ReportClusterer(settings(), ActorGroups.defaults());
    private final ReferenceReportClusterer reference = new ReferenceReportClusterer(settings(), ActorGroups.defaults());

    private static MergeSettings settings() {
        // few detailed reports, so that reused events must also agree on which reports lost their detail
        return new MergeSettings(1, 2, 3);
    }

    /** Dense, overlapping coverage: many reports a day for a few days, the case where greedy choices chain. */
    private static List<ReportRef> randomReports(Random random, int count) {
        return randomReports(random, count, 8);
    }

    private static List<ReportRef> randomReports(Random random, int count, int days) {
        List<ReportRef> refs = new ArrayList<>();
        LocalDate first = LocalDate.parse("2026-10-01");
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(random.nextInt(days));
            boolean stated = random.nextInt(5) > 0;
            Long figure = random.nextBoolean() ? (long) random.nextInt(60) : null;
            Qualifier qualifier = figure == null ? null : Qualifier.values()[random.nextInt(Qualifier.values().length)];
            Instant published = day.atStartOfDay().plusHours(6 + random.nextInt(60)).toInstant(java.time.ZoneOffset.UTC);
            refs.add(new ReportRef("a" + i + "#0", "a" + i, "Outlet " + random.nextInt(6), "https://x/" + i, figure,
                    qualifier, null, ACTORS[random.nextInt(ACTORS.length)], "Zvecan", day, stated, published,
                    "evidence " + i));
        }
        return refs;
    }

    @Test
    void shouldClusterExactlyAsTheReferenceClustererOnDenseRandomCoverage() {
        Random random = new Random(20261012L);
        for (int round = 0; round < 1500; round++) {
            List<ReportRef> refs = randomReports(random, 1 + random.nextInt(60));
            assertThat(clusterer.cluster(KEY, refs)).as("round %d", round).isEqualTo(reference.cluster(KEY, refs));
        }
    }

    @Test
    void shouldReuseOnlyPreviousEventsThatTheReferenceWouldRebuildIdentically() {
        Random random = new Random(77L);
        for (int round = 0; round < 1500; round++) {
            List<ReportRef> all = randomReports(random, 2 + random.nextInt(60));
            // the stored state holds the references as the events kept them (some without detail), as the merger does
            List<CanonicalEvent> previous = reference.cluster(KEY, all.subList(0, all.size() - 1));
            List<ReportRef> stored = new ArrayList<>();
            previous.forEach(e -> stored.addAll(e.reports()));
            stored.add(all.get(all.size() - 1));

            assertThat(clusterer.cluster(KEY, stored, previous)).as("round %d", round)
                    .isEqualTo(reference.cluster(KEY, stored));
        }
    }

    /**
     * Long ranges of days with the default tolerance and lookback: clusters are looked up by day, so a report must
     * still find exactly the clusters (and among equally near ones the same) that a scan of all of them finds.
     */
    @Test
    void shouldClusterExactlyAsTheReferenceOverLongRangesOfDays() {
        ReportClusterer withDefaults = new ReportClusterer(MergeSettings.defaults(), ActorGroups.defaults());
        ReferenceReportClusterer referenceWithDefaults = new ReferenceReportClusterer(MergeSettings.defaults(),
                ActorGroups.defaults());
        Random random = new Random(4242L);
        for (int round = 0; round < 400; round++) {
            int days = 1 + random.nextInt(60);
            List<ReportRef> all = randomReports(random, 2 + random.nextInt(300), days);
            List<CanonicalEvent> previous = referenceWithDefaults.cluster(KEY, all.subList(0, all.size() / 2));
            List<ReportRef> stored = new ArrayList<>();
            previous.forEach(e -> stored.addAll(e.reports()));
            stored.addAll(all.subList(all.size() / 2, all.size()));

            assertThat(withDefaults.cluster(KEY, stored, previous)).as("round %d over %d days", round, days)
                    .isEqualTo(referenceWithDefaults.cluster(KEY, stored));
            assertThat(clusterer.cluster(KEY, all)).as("round %d, narrow settings", round)
                    .isEqualTo(reference.cluster(KEY, all));
        }
    }
}

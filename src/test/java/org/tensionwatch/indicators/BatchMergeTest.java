package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Merging reports in batches ({@link CanonicalEventMerger#mergeAll}) gives what merging them one by one gives. */
class BatchMergeTest {

    @Test
    void shouldGiveTheSameEventsAndIndicatorsAsMergingOneByOneWhateverTheBatches() {
        TopologyReplay reference = new TopologyReplay(CanonicalEventMerger.withDefaults());
        MergeOrderIndependenceTest.coverage().forEach(reference::accept);
        Random random = new Random(11L);

        for (int round = 0; round < 300; round++) {
            List<EventReport> shuffled = new ArrayList<>(MergeOrderIndependenceTest.coverage());
            Collections.shuffle(shuffled, random);
            TopologyReplay batched = new TopologyReplay(CanonicalEventMerger.withDefaults());
            for (int from = 0; from < shuffled.size(); ) {
                int to = Math.min(shuffled.size(), from + 1 + random.nextInt(10));
                batched.acceptAll(shuffled.subList(from, to));
                from = to;
            }

            assertThat(batched.events()).as("events, round %d", round).isEqualTo(reference.events());
            assertThat(batched.rows()).as("indicators, round %d", round).isEqualTo(reference.rows());
        }
    }

    @Test
    void shouldIgnoreAStaleVersionAndLetTheLastOfTwoEqualVersionsWinWithinOneBatch() {
        EventReport original = Reports.injury("a1").exactly(30).build();
        EventReport updated = Reports.injury("a1").exactly(35).published("2023-05-30T18:00:00Z").build();
        EventReport resent = Reports.injury("a1").exactly(36).published("2023-05-30T18:00:00Z").build();
        CanonicalEventMerger merger = CanonicalEventMerger.withDefaults();

        MergeResult result = merger.mergeAll(List.of(), List.of(updated, original, resent));

        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.reports()).hasSize(1);
            assertThat(e.best()).isEqualTo(36);
        });
        assertThat(merger.mergeAll(result.events(), List.of(original)).upserts()).isEmpty();
    }
}

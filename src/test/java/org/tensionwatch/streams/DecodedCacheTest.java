package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound of the decoded copies the merge and the alerts keep: by total weight, and a key that does not fit is not kept. */
class DecodedCacheTest {

    private final DecodedCache<String, List<Integer>> cache = new DecodedCache<>(5, List::size);

    @Test
    void shouldKeepValuesWhileTheyFitAndNotEvictToMakeRoom() {
        cache.put("a", List.of(1, 2, 3));
        cache.put("b", List.of(1, 2, 3));
        cache.put("c", List.of(1, 2));

        assertThat(cache.get("a")).containsExactly(1, 2, 3);
        assertThat(cache.contains("b")).isFalse();
        assertThat(cache.get("c")).containsExactly(1, 2);
        assertThat(cache.weight()).isEqualTo(5);
    }

    @Test
    void shouldReplaceACopyAndDropItWhenTheNewValueNoLongerFits() {
        cache.put("a", List.of(1, 2));
        cache.put("b", List.of(1, 2));
        cache.put("a", List.of(1, 2, 3));
        assertThat(cache.get("a")).containsExactly(1, 2, 3);
        assertThat(cache.weight()).isEqualTo(5);

        cache.put("a", List.of(1, 2, 3, 4));

        assertThat(cache.contains("a")).as("a stale copy is never kept").isFalse();
        assertThat(cache.weight()).isEqualTo(2);
    }

    @Test
    void shouldKeepAsManyUnitWeightValuesAsTheBound() {
        DecodedCache<String, String> rows = new DecodedCache<>(2, row -> 1);
        rows.put("x", "1");
        rows.put("y", "1");
        rows.put("z", "1");
        rows.put("x", "2");

        assertThat(rows.get("x")).isEqualTo("2");
        assertThat(rows.contains("z")).isFalse();
        rows.clear();
        assertThat(rows.contains("x")).isFalse();
        assertThat(rows.weight()).isZero();
    }
}

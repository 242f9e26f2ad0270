package org.tensionwatch.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.streams.IndicatorSettings;

class BenchmarkOptionsTest {

    @Test
    void shouldDefaultToTheServicesSettings() {
        BenchmarkOptions o = BenchmarkOptions.parse(List.of());

        assertThat(o.events()).isEqualTo(1_000_000);
        assertThat(o.partitions()).isEqualTo(3);
        assertThat(o.mergeMaxWaitMs()).isEqualTo(IndicatorSettings.DEFAULT_MERGE_MAX_WAIT.toMillis());
        assertThat(o.maxPending()).isEqualTo(IndicatorSettings.DEFAULT_MAX_PENDING_REPORTS);
        assertThat(o.topology()).isEqualTo(BenchmarkOptions.INDICATORS);
    }

    @Test
    void shouldReadTheMergeBatchingOptionsAndFurtherStreamsSettings() {
        BenchmarkOptions o = BenchmarkOptions.parse(List.of("--merge-max-wait-ms", "30000", "--max-pending", "150000",
                "--set", "producer.linger.ms=20", "--topology", "merge-floor"));

        assertThat(o.mergeMaxWaitMs()).isEqualTo(30_000);
        assertThat(o.maxPending()).isEqualTo(150_000);
        assertThat(o.streamsConfig()).containsEntry("producer.linger.ms", "20");
        assertThat(o.topology()).isEqualTo(BenchmarkOptions.MERGE_FLOOR);
    }

    @Test
    void shouldRejectAnUnknownOptionAMissingValueAndAValueOutOfRange() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--pending", "5"))).hasMessageContaining("unknown option --pending");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--max-pending"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--max-pending", "0"))).hasMessageContaining("maxPending < 1");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--topology", "floor"))).hasMessageContaining("--topology must be");
    }
}

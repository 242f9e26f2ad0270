package org.tensionwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams.State;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class StreamsHealthCheckTest {

    @Test
    void shouldBeDownAndNameTheApplicationThatIsNotRunningWhateverItsPlace() {
        Map<String, State> states = new LinkedHashMap<>();
        states.put("tension-watch-extraction", State.RUNNING);
        states.put("tension-watch-indicators-v3", State.ERROR);
        states.put("tension-watch-alerts-v2", State.RUNNING);
        HealthCheckResponse response = StreamsHealthCheck.response(states, "localhost:9092", "current");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        Map<String, Object> data = response.getData().orElseThrow();
        // before, one "state" entry said RUNNING: the last application's, written over the others
        assertThat(data).containsEntry("tension-watch-extraction", "RUNNING")
                .containsEntry("tension-watch-indicators-v3", "ERROR")
                .containsEntry("tension-watch-alerts-v2", "RUNNING")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .doesNotContainKey("state");
    }

    @Test
    void shouldBeUpWhenEveryApplicationRuns() {
        Map<String, State> states = new LinkedHashMap<>();
        states.put("a", State.RUNNING);
        states.put("b", State.RUNNING);
        assertThat(StreamsHealthCheck.response(states, "b:9092", "v2").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        states.put("c", State.REBALANCING);
        assertThat(StreamsHealthCheck.response(states, "b:9092", "v2").getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}

package org.tensionwatch.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every Streams application is running, so that queries see their stores. The answer gives each
 * application's state under its application id, so that the one that is not running can be seen (before, a single
 * "state" entry was overwritten by each application in turn and said RUNNING while the check was DOWN).
 */
@Readiness
@Singleton
public class StreamsHealthCheck implements HealthCheck {

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaCluster cluster;

    @Inject
    StreamsApplications applications;

    @Override
    public HealthCheckResponse call() {
        Map<String, KafkaStreams.State> states = new java.util.LinkedHashMap<>();
        applications.byApplicationId().forEach((id, streams) -> states.put(id, streams.state()));
        return response(states, cluster.bootstrapServers(), settings.derivation().toString());
    }

    /** Up when every application is RUNNING; each one's state under its application id. */
    static HealthCheckResponse response(Map<String, KafkaStreams.State> states, String bootstrapServers,
            String derivation) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-streams").up();
        response.withData("bootstrap.servers", bootstrapServers);
        response.withData("derivation", derivation);
        states.forEach((applicationId, state) -> {
            response.withData(applicationId, state.name());
            if (state != KafkaStreams.State.RUNNING) {
                response.down();
            }
        });
        return response.build();
    }
}

package org.tensionwatch.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every Streams application is running, so that queries see their stores. */
@Readiness
@Singleton
public class StreamsHealthCheck implements HealthCheck {

    @Inject
    KafkaRuntime kafka;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-streams").up();
        response.withData("bootstrap.servers", kafka.bootstrapServers());
        response.withData("derivation", kafka.derivation().toString());
        for (KafkaStreams streams : kafka.allStreams()) {
            response.withData("state", streams.state().name());
            if (streams.state() != KafkaStreams.State.RUNNING) {
                response.down();
            }
        }
        return response.build();
    }
}

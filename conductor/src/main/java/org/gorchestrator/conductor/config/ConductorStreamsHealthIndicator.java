package org.gorchestrator.conductor.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The conductor is ready only while its Kafka Streams application runs: not while it restores its
 * stores or rebalances (out of service), and down once it failed or stopped.
 */
final class ConductorStreamsHealthIndicator extends AbstractHealthIndicator {
    private final StreamsBuilderFactoryBean streams;

    ConductorStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
        builder.withDetail("state", state.name());
        switch (state) {
            case RUNNING -> builder.up();
            case CREATED, REBALANCING -> builder.outOfService();
            default -> builder.down();
        }
    }
}

package org.gorchestrator.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gorchestrator.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class ViewHealthIndicatorTest {

    @Test
    void aViewThatHasNotCaughtUpIsOutOfService() {
        // not started: its Kafka Streams is not running, as while it restores the state topic
        StreamsBuilderFactoryBean streams = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(Map.of()));
        ViewHealthIndicator indicator = new ViewHealthIndicator(new ViewStores(streams), ViewNames.of(Topics.DEFAULTS, "1"));

        Health health = indicator.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("reason")).asString().contains("not running");
    }
}

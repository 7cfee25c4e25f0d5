package org.gorchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertyNamesTest {
    private final PropertyNames names = PropertyNames.load();

    @Test
    void knowsGorchestratorsPropertiesNestedOnesAndMaps() {
        assertThat(names.isProperty("GORCH_WORKER_SHUTDOWN_GRACE")).isTrue();
        assertThat(names.isProperty("GORCH_API_LIMITS_MAX_NODES")).isTrue();
        assertThat(names.isProperty("GORCH_WORKER_CONSUMER_MAX_POLL_INTERVAL_MS")).isTrue();
    }

    @Test
    void knowsSpringBootsPropertiesAndMaps() {
        assertThat(names.isProperty("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(names.isProperty("MANAGEMENT_SERVER_PORT")).isTrue();
        assertThat(names.isProperty("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isTrue();
    }

    @Test
    void refusesNamesThatSetNothing() {
        assertThat(names.isProperty("GORCH_WORKER_CONCURENCY")).isFalse();
        assertThat(names.isProperty("GORCH_WORKER")).isFalse();
        assertThat(names.isProperty("SPRING_KAFKA_PROPERTIES")).isFalse();
        assertThat(names.isProperty("KAFKA_PASSWORD")).isFalse();
    }
}

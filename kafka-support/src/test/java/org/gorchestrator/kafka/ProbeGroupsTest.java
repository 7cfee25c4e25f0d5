package org.gorchestrator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * The probe groups every service gets from {@code gorch-defaults.properties}, as Kubernetes sees them:
 * readiness waits for Kafka, the conductor's Streams state and the API's view; liveness restarts a
 * process only when something failed, not while it restores or rebalances (which can take minutes).
 */
class ProbeGroupsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
                    AvailabilityProbesAutoConfiguration.class, KafkaAutoConfiguration.class, GorchKafkaAutoConfiguration.class))
            // never contacted: no test here asks for the kafka indicator's health, and no topic is created
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false");

    @Test
    void readinessWaitsForKafkaTheConductorsStreamsAndTheApisView() {
        runner.run(context -> {
            HealthEndpointGroup readiness = groups(context).get("readiness");
            assertThat(readiness.isMember("kafka")).isTrue();
            assertThat(readiness.isMember("conductorStreams")).isTrue();
            assertThat(readiness.isMember("apiView")).isTrue();
        });
    }

    @Test
    void livenessIgnoresKafkaAndTheApisView() {
        runner.run(context -> {
            HealthEndpointGroup liveness = groups(context).get("liveness");
            // a broker outage or a view catching up is no reason to restart a process
            assertThat(liveness.isMember("kafka")).isFalse();
            assertThat(liveness.isMember("apiView")).isFalse();
        });
    }

    @Test
    void aRestoringConductorIsAliveButNotReady() {
        runner.withBean("conductorStreamsHealthIndicator", HealthIndicator.class, () -> () -> Health.outOfService().build())
                .run(context -> {
                    assertThat(probe(context, "liveness")).isEqualTo(200);
                    assertThat(probe(context, "readiness")).isEqualTo(503);
                });
    }

    @Test
    void aFailedConductorIsRestarted() {
        runner.withBean("conductorStreamsHealthIndicator", HealthIndicator.class, () -> () -> Health.down().build())
                .run(context -> assertThat(probe(context, "liveness")).isEqualTo(503));
    }

    /** The HTTP status the probe's path answers, as {@code /actuator/health/<group>} maps it, once the application has started. */
    private static int probe(ApplicationContext context, String group) {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        Status status = context.getBean(HealthEndpoint.class).healthForPath(group).getStatus();
        return groups(context).get(group).getHttpCodeStatusMapper().getStatusCode(status);
    }

    private static HealthEndpointGroups groups(ApplicationContext context) {
        return context.getBean(HealthEndpointGroups.class);
    }
}

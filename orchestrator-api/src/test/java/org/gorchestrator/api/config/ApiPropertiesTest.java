package org.gorchestrator.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gorchestrator.validation.Limits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ApiPropertiesTest {

    @Test
    void theDefaultsMapOntoTheConfig() {
        ApiSettings config = bind(Map.of()).toConfig();

        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(config.defaultPageSize()).isEqualTo(50);
        assertThat(config.maxPageSize()).isEqualTo(500);
        assertThat(config.readYourWritesWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.submitTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.idempotencyWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxWaitingReads()).isEqualTo(10_000);
        assertThat(config.logs()).isEqualTo(new LogSettings(Duration.ofSeconds(2), 256));
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "gorch-api"));
        assertThat(config.instanceId()).isEqualTo("1");
        assertThat(config.admission()).isEqualTo(new AdmissionSettings(true, Duration.ofSeconds(1), Duration.ofSeconds(10), 10_000,
                50_000, 50_000, Duration.ofSeconds(5), "gorch-conductor", "gorch-workers"));
        assertThat(config.delivery()).isEqualTo(new DeliverySettings(Duration.ofSeconds(30), 10_000, Duration.ofHours(1)));
    }

    @Test
    void admissionAndDeliverySettingsOverrideTheDefaults() {
        ApiSettings config = bind(Map.of(
                "gorch.api.admission.enabled", "false",
                "gorch.api.admission.max-workflow-commands-lag", "5",
                "gorch.api.admission.max-node-commands-lag", "0",
                "gorch.api.admission.conductor-group", "my-conductors",
                "gorch.api.admission.retry-after", "30s",
                "gorch.api.delivery.timeout", "2m",
                "gorch.api.delivery.outcomes-ttl", "3h")).toConfig();

        assertThat(config.admission().enabled()).isFalse();
        assertThat(config.admission().maxWorkflowCommandsLag()).isEqualTo(5);
        assertThat(config.admission().maxNodeCommandsLag()).isZero();
        assertThat(config.admission().conductorGroup()).isEqualTo("my-conductors");
        assertThat(config.admission().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.delivery().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.delivery().outcomesTtl()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aReadingThatWouldBeStaleBeforeTheNextIsRejected() {
        ApiProperties properties = bind(Map.of("gorch.api.admission.poll-interval", "10s", "gorch.api.admission.stale-after", "10s"));

        assertThatThrownBy(properties::toConfig).hasMessageContaining("staleAfter (PT10S) must be longer than pollInterval (PT10S)");
    }

    @Test
    void outcomesForgottenBeforeTheyAreKnownAreRejected() {
        ApiProperties properties = bind(Map.of("gorch.api.delivery.timeout", "2m", "gorch.api.delivery.outcomes-ttl", "1m"));

        assertThatThrownBy(properties::toConfig).hasMessageContaining("outcomesTtl (PT1M) must be at least the delivery timeout (PT2M)");
    }

    @Test
    void settingsOverrideTheDefaults() {
        ApiSettings config = bind(Map.of(
                "gorch.api.max-body-size", "64KB",
                "gorch.api.limits.max-nodes", "10",
                "gorch.api.limits.max-timeout", "1h",
                "gorch.api.limits.engines", "nil,shell",
                "gorch.api.limits.max-document-size", "2MB",
                "gorch.api.state-dir", "/var/lib/gorch",
                "gorch.api.logs.finish-grace", "500ms",
                "gorch.api.max-wait", "2m",
                "gorch.api.max-waiting-reads", "50")).toConfig();

        assertThat(config.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(config.limits().maxNodes()).isEqualTo(10);
        assertThat(config.limits().maxTimeoutSeconds()).isEqualTo(3600);
        assertThat(config.limits().engines()).containsExactlyInAnyOrder("nil", "shell");
        assertThat(config.limits().maxDocumentBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/gorch"));
        assertThat(config.logs().finishGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.maxWaitingReads()).isEqualTo(50);
    }

    @Test
    void aMaxPageSizeBelowTheDefaultPageSizeIsRejected() {
        ApiProperties properties = bind(Map.of("gorch.api.max-page-size", "10"));

        assertThatThrownBy(properties::toConfig).hasMessageContaining("maxPageSize (10)");
    }

    private static ApiProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gorch.api", ApiProperties.class);
    }
}

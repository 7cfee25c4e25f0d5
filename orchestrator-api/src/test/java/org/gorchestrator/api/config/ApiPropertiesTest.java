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
        ApiConfig config = bind(Map.of()).toConfig();

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
    }

    @Test
    void settingsOverrideTheDefaults() {
        ApiConfig config = bind(Map.of(
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

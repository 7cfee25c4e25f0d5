package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.config.ApiProperties;
import org.gorchestrator.kafka.Topics;

import org.gorchestrator.api.tasks.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ApiAutoConfigurationTest {

    @Test
    void theApiCanBeSwitchedOff() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ApiAutoConfiguration.class))
                .withPropertyValues("gorch.api.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(TaskService.class);
                    assertThat(context).doesNotHaveBean("apiViewStreams");
                });
    }

    @Test
    void aDocumentLimitThatARecordCannotHoldIsRefusedAtStartUp() {
        ApiSettings config = bind("gorch.api.limits.max-document-size", "8MB");

        assertThatThrownBy(() -> ApiAutoConfiguration.documentLimits(config, Topics.DEFAULTS))
                .hasMessageContaining("gorch.api.limits.max-document-size (8388608 bytes) must be below gorch.kafka.max-message-size");
        assertThat(ApiAutoConfiguration.documentLimits(bind("gorch.api.limits.max-document-size", "4MB"), Topics.DEFAULTS).maxDocumentBytes())
                .isEqualTo(4 * 1024 * 1024);
    }

    private static ApiSettings bind(String name, String value) {
        return new Binder(new MapConfigurationPropertySource(Map.of(name, value))).bindOrCreate("gorch.api", ApiProperties.class).toConfig();
    }
}

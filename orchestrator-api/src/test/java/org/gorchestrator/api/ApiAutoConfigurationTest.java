package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gorchestrator.api.tasks.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
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
}

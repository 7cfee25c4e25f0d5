package org.gorchestrator.deploy;

import java.util.HashMap;
import java.util.Map;
import org.gorchestrator.kafka.TopicsProperties;
import org.gorchestrator.worker.config.WorkerProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings a container's environment gives a Gorchestrator process, bound exactly as the
 * process binds them (relaxed names, conversions, the records' defaults).
 */
record Settings(Binder binder, Map<String, String> environment) {

    static Settings of(Map<String, String> environment) {
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource("environment", new HashMap<>(environment));
        return new Settings(new Binder(ConfigurationPropertySources.from(source)), environment);
    }

    WorkerProperties worker() {
        return binder.bindOrCreate("gorch.worker", Bindable.of(WorkerProperties.class));
    }

    TopicsProperties topics() {
        return binder.bindOrCreate("gorch.kafka", Bindable.of(TopicsProperties.class));
    }

    String bootstrapServers() {
        return binder.bind("spring.kafka.bootstrap-servers", String.class).orElse("localhost:9092");
    }

    int managementPort() {
        return binder.bind("management.server.port", Integer.class).orElseThrow(() -> new AssertionError("no management.server.port"));
    }
}

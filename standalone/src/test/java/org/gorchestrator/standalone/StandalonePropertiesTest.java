package org.gorchestrator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StandalonePropertiesTest {

    @Test
    void bindsBrokerSettingsWithDotsInTheirNames() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gorch.standalone.broker.add.partitions.to.txn.retry.backoff.ms", "2")
                .withProperty("gorch.standalone.broker.num.io.threads", "4");

        StandaloneProperties properties = StandaloneProperties.from(environment);

        assertThat(properties.broker()).isEqualTo(Map.of("add.partitions.to.txn.retry.backoff.ms", "2", "num.io.threads", "4"));
    }

    @Test
    void defaultsToNoBrokerSettings() {
        StandaloneProperties properties = StandaloneProperties.from(new MockEnvironment());

        assertThat(properties.broker()).isEmpty();
        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("./data").normalize());
        assertThat(properties.kafkaPort()).isEqualTo(9092);
    }
}

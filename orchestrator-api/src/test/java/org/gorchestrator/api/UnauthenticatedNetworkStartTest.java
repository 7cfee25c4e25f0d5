package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Mode none on a network address stops the start, before anything listens, saying how to configure jwt. */
@ExtendWith(KafkaBroker.class)
class UnauthenticatedNetworkStartTest {

    @Test
    void theApiWithoutAuthenticationDoesNotStartOnANetworkAddress() {
        SpringApplicationBuilder api = new SpringApplicationBuilder(ApiApplication.class);

        assertThatThrownBy(() -> api.run("--server.port=0", "--server.address=0.0.0.0",
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                "--gorch.api.state-dir=" + Path.of("target", "view-state-refused-" + System.nanoTime())))
                .rootCause()
                .hasMessageContaining("gorch.security.mode=none serves unauthenticated callers")
                .hasMessageContaining("server.address=0.0.0.0")
                .hasMessageContaining("gorch.security.mode=jwt");
    }
}

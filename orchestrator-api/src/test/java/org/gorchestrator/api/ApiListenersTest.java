package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Which listeners the API opens, and what each asks of its callers, in real starts. */
@ExtendWith(KafkaBroker.class)
class ApiListenersTest {

    @Test
    void theApiWithoutAuthenticationDoesNotStartOnANetworkAddress() {
        SpringApplicationBuilder api = new SpringApplicationBuilder(ApiApplication.class);

        assertThatThrownBy(() -> api.run(arguments("--server.address=0.0.0.0")))
                .rootCause()
                .hasMessageContaining("gorch.security.mode=none serves unauthenticated callers")
                .hasMessageContaining("server.address=0.0.0.0")
                .hasMessageContaining("gorch.security.mode=jwt");
    }

    @Test
    void aManagementPortOfItsOwnBindsLoopbackAndNeedsNoToken() {
        // the issuer is never asked: no request here carries a token
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ApiApplication.class).run(arguments(
                "--gorch.security.mode=jwt", "--gorch.security.jwt.issuer-uri=http://127.0.0.1:9/unused", "--management.server.port=0"))) {
            Environment env = context.getEnvironment();
            ApiClient management = new ApiClient(env.getRequiredProperty("local.management.port", Integer.class));
            ApiClient api = new ApiClient(env.getRequiredProperty("local.server.port", Integer.class));

            assertThat(env.getProperty("management.server.address")).isEqualTo("127.0.0.1");
            assertThat(management.get("/actuator/metrics").status()).isEqualTo(200);
            assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(api.get("/v1/tasks").status()).isEqualTo(401);
        }
    }

    private static String[] arguments(String... more) {
        String[] common = {"--server.port=0", "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                "--gorch.api.state-dir=" + Path.of("target", "view-state-listeners-" + System.nanoTime())};
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}

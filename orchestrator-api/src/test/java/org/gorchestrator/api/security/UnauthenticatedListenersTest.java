package org.gorchestrator.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class UnauthenticatedListenersTest {

    @Test
    void loopbackListenersNeedNoAuthentication() {
        MockEnvironment env = new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("management.server.port", "9090").withProperty("management.server.address", "localhost");

        assertThatCode(() -> UnauthenticatedListeners.check(Listeners.of(env), false)).doesNotThrowAnyException();
    }

    @Test
    void everyInterfaceIsTheNetwork() {
        Listeners listeners = Listeners.of(new MockEnvironment());

        assertThatThrownBy(() -> UnauthenticatedListeners.check(listeners, false))
                .hasMessageContaining("server.address=(not set: every interface)")
                .hasMessageContaining("gorch.security.mode=jwt")
                .hasMessageContaining("gorch.security.jwt.issuer-uri");
    }

    @Test
    void aManagementServerOfItsOwnIsAListenerToo() {
        MockEnvironment env = new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("management.server.port", "9090").withProperty("management.server.address", "0.0.0.0");

        assertThatThrownBy(() -> UnauthenticatedListeners.check(Listeners.of(env), false))
                .hasMessageContaining("management.server.address=0.0.0.0");
        assertThat(Listeners.of(env.withProperty("management.server.port", "8080")).onNetwork()).isEmpty();
    }

    @Test
    void theNetworkCanBeAllowedExplicitly() {
        assertThatCode(() -> UnauthenticatedListeners.check(Listeners.of(new MockEnvironment()), true)).doesNotThrowAnyException();
    }

    @Test
    void aManagementServerOfItsOwnBindsLoopbackUnlessConfigured() {
        MockEnvironment own = new MockEnvironment().withProperty("management.server.port", "0");
        new LoopbackManagementServer().postProcessEnvironment(own, null);
        MockEnvironment configured = new MockEnvironment().withProperty("management.server.port", "9090")
                .withProperty("management.server.address", "0.0.0.0");
        new LoopbackManagementServer().postProcessEnvironment(configured, null);
        MockEnvironment shared = new MockEnvironment();
        new LoopbackManagementServer().postProcessEnvironment(shared, null);

        assertThat(own.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(configured.getProperty("management.server.address")).isEqualTo("0.0.0.0");
        assertThat(shared.getProperty("management.server.address")).isNull();
    }
}

package org.gorchestrator.api.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * A management server on a port of its own (management.server.port) serves the actuator without a token, so it binds
 * loopback unless management.server.address says otherwise: only this host, or what the operator lets through, reaches it.
 * A post-processor rather than a default in a properties file: Spring Boot refuses management.server.address without a
 * port of its own.
 */
public final class LoopbackManagementServer implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "gorchLoopbackManagementServer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (hasOwnPort(env) && env.getProperty("management.server.address") == null) {
            env.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("management.server.address", "127.0.0.1")));
        }
    }

    /** Whether the management server listens on a port of its own, as Spring Boot decides it (0: a random one of its own). */
    static boolean hasOwnPort(Environment env) {
        Integer port = env.getProperty("management.server.port", Integer.class);
        return port != null && port >= 0 && (port == 0 || !port.equals(env.getProperty("server.port", Integer.class, 8080)));
    }

    /** After the configuration files are read: they say whether the management server has a port of its own. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

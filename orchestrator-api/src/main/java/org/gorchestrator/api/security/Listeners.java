package org.gorchestrator.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The HTTP listeners this process opens, as its configuration sets them: the server's, and the management server's when it
 * has a port of its own. Read before either binds, so that a refusal stops the start before anything listens.
 */
record Listeners(List<Listener> all) {

    /** One listener: the property that sets its address, and that address (null: every interface). */
    record Listener(String property, String address) {
        boolean isLoopback() {
            if (address == null || address.isBlank()) {
                return false;
            }
            try {
                return InetAddress.getByName(address.trim()).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return property + "=" + (address == null ? "(not set: every interface)" : address);
        }
    }

    static Listeners of(Environment env) {
        List<Listener> found = new ArrayList<>();
        found.add(new Listener("server.address", env.getProperty("server.address")));
        if (LoopbackManagementServer.hasOwnPort(env)) {
            found.add(new Listener("management.server.address", env.getProperty("management.server.address")));
        }
        return new Listeners(List.copyOf(found));
    }

    /** The listeners that do not bind a loopback address. */
    List<Listener> onNetwork() {
        return all.stream().filter(listener -> !listener.isLoopback()).toList();
    }
}

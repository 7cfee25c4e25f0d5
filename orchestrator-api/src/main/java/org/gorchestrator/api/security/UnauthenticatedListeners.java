package org.gorchestrator.api.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mode {@code none} serves anybody: that is safe only where nobody but this host can connect. */
final class UnauthenticatedListeners {
    private static final Logger LOG = LoggerFactory.getLogger(UnauthenticatedListeners.class);

    private UnauthenticatedListeners() {}

    /**
     * @throws IllegalStateException when a listener binds a non-loopback address and that was not explicitly allowed
     */
    static void check(Listeners listeners, boolean allowedOnNetwork) {
        List<Listeners.Listener> exposed = listeners.onNetwork();
        if (exposed.isEmpty()) {
            return;
        }
        if (allowedOnNetwork) {
            LOG.warn("gorch.security.mode=none on a network address ({}), allowed by gorch.security.allow-unauthenticated-on-network: "
                    + "anybody who reaches it can run any program on the workers", exposed);
            return;
        }
        throw new IllegalStateException("gorch.security.mode=none serves unauthenticated callers, so it may listen only on a "
                + "loopback address, but " + exposed + ". Either bind loopback (server.address=127.0.0.1), or authenticate callers "
                + "with tokens of your OpenID Connect issuer: gorch.security.mode=jwt, gorch.security.jwt.issuer-uri=https://<issuer> "
                + "(or gorch.security.jwt.jwk-set-uri) and gorch.security.jwt.audiences=<the audience of its tokens> (README, "
                + "\"Security\"). To serve the network unauthenticated anyway, set gorch.security.allow-unauthenticated-on-network=true.");
    }
}

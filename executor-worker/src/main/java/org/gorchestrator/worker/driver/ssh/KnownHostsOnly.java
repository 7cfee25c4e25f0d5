package org.gorchestrator.worker.driver.ssh;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Accepts a server only with the key that the known-hosts file gives for it: an unknown key and a
 * changed key are both refused, never added. Why a key was refused is kept on the session, so that
 * the node's failure can say it.
 */
final class KnownHostsOnly extends KnownHostsServerKeyVerifier {
    static final AttributeKey<String> REFUSAL = new AttributeKey<>();

    private final Path file;

    KnownHostsOnly(Path file) {
        super(RejectAllServerKeyVerifier.INSTANCE, file);
        this.file = file;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        session.setAttribute(REFUSAL, "the host key of " + remote + " is unknown: " + describe(serverKey) + " is not in " + file
                + " (add it there once you have checked it)");
        return false;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry, PublicKey expected,
                                           PublicKey actual) {
        session.setAttribute(REFUSAL, "the host key of " + remote + " CHANGED: it is now " + describe(actual) + ", " + file
                + " has " + describe(expected) + "; refused, as this can be an attack (if the change is legitimate, update " + file + ")");
        return false;
    }

    private static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}

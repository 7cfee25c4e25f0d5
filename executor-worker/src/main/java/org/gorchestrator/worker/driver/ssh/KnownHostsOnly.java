package org.gorchestrator.worker.driver.ssh;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Accepts a server only with the key that the known-hosts file gives for it: an unknown key and a
 * changed key are both refused, never added. Why a key was refused is kept by server address, so
 * that the node's failure can say it: the session itself may already be closed, and its attributes
 * gone, by the time the failure reaches the driver.
 */
final class KnownHostsOnly extends KnownHostsServerKeyVerifier {
    private final Path file;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    KnownHostsOnly(Path file) {
        super(RejectAllServerKeyVerifier.INSTANCE, file);
        this.file = file;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        refusals.put(address(remote), "the host key of " + remote + " is unknown: " + describe(serverKey) + " is not in " + file
                + " (add it there once you have checked it)");
        return false;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry, PublicKey expected,
                                           PublicKey actual) {
        refusals.put(address(remote), "the host key of " + remote + " CHANGED: it is now " + describe(actual) + ", " + file
                + " has " + describe(expected) + "; refused, as this can be an attack (if the change is legitimate, update " + file + ")");
        return false;
    }

    /** Why the key of the server at {@code remote} was last refused, or null; forgets it. */
    String takeRefusal(SocketAddress remote) {
        return refusals.remove(address(remote));
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }

    private static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}

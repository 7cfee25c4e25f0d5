package org.gorchestrator.worker.driver.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

/**
 * Opens SSH sessions for the ssh drivers: one client for the worker, one session per attempt,
 * logged in with the host's private key only, and only to a server whose key the known-hosts file
 * gives (see {@link KnownHostsOnly}). Neither {@code ~/.ssh/config} nor any default key is used.
 */
public final class SshConnector implements AutoCloseable {
    private final KnownHostsOnly verifier;
    // Started with the first session: a worker that runs no ssh node never starts one, and a start of the worker
    // does not wait for it.
    private SshClient client;
    private boolean closed;

    public SshConnector(Path knownHosts) {
        verifier = new KnownHostsOnly(knownHosts.toAbsolutePath());
    }

    /** @throws IOException saying why the session could not be opened: the host key, the login, the network */
    ClientSession open(SshHost host, Duration timeout) throws IOException {
        Path key = Path.of(host.privateKey());
        if (!Files.isReadable(key)) {
            throw new IOException("cannot read the private key " + key + " of host " + host.name());
        }
        InetSocketAddress server = new InetSocketAddress(host.host(), host.port());
        ClientSession session = null;
        try {
            session = client().connect(host.user(), server).verify(timeout).getClientSession();
            session.setKeyIdentityProvider(new FileKeyPairProvider(key));
            session.auth().verify(timeout);
            return session;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            String refusal = verifier.takeRefusal(server);
            if (refusal != null) {
                throw new IOException(refusal, e);
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.stop();
        }
    }

    private synchronized SshClient client() throws IOException {
        if (closed) {
            throw new IOException("the SSH client is closed: the worker is stopping");
        }
        if (client == null) {
            SshClient started = SshClient.setUpDefaultClient();
            started.setServerKeyVerifier(verifier);
            started.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            started.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            started.start();
            client = started;
        }
        return client;
    }
}

package org.gorchestrator.worker.driver.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * A real SSH server (Apache MINA SSHD) on 127.0.0.1 with a generated host key, letting in user
 * {@value #USER} with one generated key. Like sshd, it runs each exec request with
 * {@code /bin/sh -c <command>} as a local process, in the user's home directory.
 */
final class TestSshServer implements AutoCloseable {
    static final String USER = "tester";
    private static final String KEY_TYPE = "ecdsa-sha2-nistp256";
    private static final int KEY_BITS = 256;

    private final SshServer server;
    private final KeyPair hostKey;
    private final KeyPair userKey;

    private TestSshServer(SshServer server, KeyPair hostKey, KeyPair userKey) {
        this.server = server;
        this.hostKey = hostKey;
        this.userKey = userKey;
    }

    static TestSshServer start(Path home) throws IOException, GeneralSecurityException {
        KeyPair hostKey = newKey();
        KeyPair userKey = newKey();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, userKey.getPublic()));
        server.setCommandFactory((channel, command) -> new ProcessShellFactory(command,
                List.of("env", "-C", home.toString(), "/bin/sh", "-c", command)).createShell(channel));
        server.start();
        return new TestSshServer(server, hostKey, userKey);
    }

    static KeyPair newKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KEY_TYPE, KEY_BITS);
    }

    int port() {
        return server.getPort();
    }

    /** Writes the user's private key in OpenSSH format, as ssh-keygen would. */
    void writeUserKey(Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "tester@test", null, out);
        }
    }

    /** The known-hosts line for this server. */
    String knownHostsLine() {
        return knownHostsLine(hostKey.getPublic());
    }

    /** A known-hosts line giving {@code key} for this server's address. */
    String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}

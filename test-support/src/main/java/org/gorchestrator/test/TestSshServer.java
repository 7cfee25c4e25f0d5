package org.gorchestrator.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * {@link #seedHome(Path)} prepares a home with the scripts the seed's example.json runs.
 */
public final class TestSshServer implements AutoCloseable {
    public static final String USER = "tester";
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

    public static TestSshServer start(Path home) throws IOException, GeneralSecurityException {
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

    /** A home directory holding the seed example's scripts ({@code ./sleep.sh}, {@code ./script.sh}, {@code ./script2.sh}). */
    public static Path seedHome(Path dir) throws IOException {
        Path home = Files.createDirectories(dir);
        for (String script : List.of("sleep.sh", "script.sh", "script2.sh")) {
            try (InputStream in = TestSshServer.class.getResourceAsStream("/seed-ssh/" + script)) {
                Files.write(home.resolve(script), in.readAllBytes());
            }
            Files.setPosixFilePermissions(home.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    /** The seed's hosts file (target {@code test}) pointing at this server, with the user key next to it. */
    public Path writeSeedHostsFile(Path dir) throws IOException, GeneralSecurityException {
        writeUserKey(dir.resolve("id_ecdsa"));
        try (InputStream in = TestSshServer.class.getResourceAsStream("/seed-ssh/sshConfig.yaml")) {
            String hosts = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("port: 2222", "port: " + port());
            return Files.writeString(dir.resolve("sshConfig.yaml"), hosts);
        }
    }

    public static KeyPair newKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KEY_TYPE, KEY_BITS);
    }

    public int port() {
        return server.getPort();
    }

    /** Writes the user's private key in OpenSSH format, as ssh-keygen would. */
    public void writeUserKey(Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "tester@test", null, out);
        }
    }

    /** The known-hosts line for this server. */
    public String knownHostsLine() {
        return knownHostsLine(hostKey.getPublic());
    }

    /** A known-hosts line giving {@code key} for this server's address. */
    public String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}

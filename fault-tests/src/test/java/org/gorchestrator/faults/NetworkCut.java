package org.gorchestrator.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to this host by one veth link, for a broker that a scenario cuts off: its
 * link goes down (packets to and from it are dropped, nothing is refused) and comes back. The host end
 * of the link ({@link #HOST_ADDRESS}) stays a local address while the link is down, so the brokers that
 * listen on it stay reachable from this host. Nothing leaves the machine: the link joins this host to
 * the namespace only.
 *
 * <p>Needs root and iproute2's {@code ip}; {@link #unavailable()} says why it cannot be built otherwise.
 */
final class NetworkCut implements AutoCloseable {
    static final String HOST_ADDRESS = "10.231.0.1";
    static final String ISOLATED_ADDRESS = "10.231.0.2";
    private static final String PREFIX = "/30";

    private final String namespace;
    private final String hostLink;
    private final String isolatedLink;

    private NetworkCut(String id) {
        this.namespace = "gorch-faults-" + id;
        this.hostLink = "gf" + id + "h";
        this.isolatedLink = "gf" + id + "n";
    }

    /** Why no namespace can be made here, or empty if one can. */
    static Optional<String> unavailable() {
        if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
            return Optional.of("network namespaces need root");
        }
        try {
            run(List.of("ip", "netns", "list"));
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of("iproute2's ip does not work here: " + e.getMessage());
        }
    }

    /** Creates the namespace and its link, both up; the namespace is deleted again if any step fails. */
    static NetworkCut create() {
        NetworkCut cut = new NetworkCut(Long.toString(ProcessHandle.current().pid()));
        Processes.register(cut);
        try {
            cut.setUp();
            return cut;
        } catch (RuntimeException e) {
            cut.close();
            throw e;
        }
    }

    private void setUp() {
        run(List.of("ip", "netns", "add", namespace));
        run(List.of("ip", "link", "add", hostLink, "type", "veth", "peer", "name", isolatedLink));
        run(List.of("ip", "link", "set", isolatedLink, "netns", namespace));
        run(List.of("ip", "addr", "add", HOST_ADDRESS + PREFIX, "dev", hostLink));
        run(List.of("ip", "link", "set", hostLink, "up"));
        run(inNamespace("ip", "addr", "add", ISOLATED_ADDRESS + PREFIX, "dev", isolatedLink));
        run(inNamespace("ip", "link", "set", isolatedLink, "up"));
        run(inNamespace("ip", "link", "set", "lo", "up"));
    }

    /** What a command is prefixed with to run inside the namespace. */
    List<String> launchPrefix() {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** Takes the namespace's end of the link down: everything to and from it is dropped. */
    void cut() {
        run(inNamespace("ip", "link", "set", isolatedLink, "down"));
    }

    void heal() {
        run(inNamespace("ip", "link", "set", isolatedLink, "up"));
    }

    /** Deletes the namespace, which deletes the link with it; its processes must have been stopped before. */
    @Override
    public void close() {
        try {
            run(List.of("ip", "netns", "delete", namespace));
        } catch (IllegalStateException alreadyGone) {
            // nothing was created, or it was deleted already
        }
        try {
            run(List.of("ip", "link", "delete", hostLink));
        } catch (IllegalStateException alreadyGone) {
            // deleted with the namespace, as it should be
        }
    }

    private List<String> inNamespace(String... command) {
        List<String> full = new ArrayList<>(launchPrefix());
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

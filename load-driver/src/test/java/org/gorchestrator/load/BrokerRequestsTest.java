package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real JMX connector over RMI, as a broker's JVM serves it, in this JVM; the beans are stand-ins for the broker's
 * request counters, with their names and their {@code Count} attribute (the load driver has no broker of its own).
 */
class BrokerRequestsTest {
    // one of its own: a broker other tests start in this JVM registers its real counters in the platform's
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private Registry registry;
    private JMXConnectorServer connector;
    private String hostPort;

    @BeforeEach
    void serveJmx() throws Exception {
        counter("Produce", 9, 120);
        counter("Produce", 11, 30);
        counter("Fetch", 17, 80);
        counter("FetchConsumer", 17, 80);
        int port = freePort();
        registry = LocateRegistry.createRegistry(port);
        hostPort = "127.0.0.1:" + port;
        connector = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + hostPort + "/jmxrmi"), null, server);
        connector.start();
    }

    @AfterEach
    void stop() throws Exception {
        connector.stop();
        UnicastRemoteObject.unexportObject(registry, true);
    }

    @Test
    void sumsTheVersionsOfEachRequestAndLeavesOutTheSecondCountOfFetches() {
        try (BrokerRequests requests = new BrokerRequests(hostPort)) {
            assertThat(requests.read()).isEqualTo(Map.of("Produce", 150L, "Fetch", 80L));
        }
    }

    @Test
    void aBrokerWithoutJmxIsNamedInTheError() throws Exception {
        String nobody = "127.0.0.1:" + freePort();
        assertThatThrownBy(() -> new BrokerRequests(nobody)).isInstanceOf(BrokerUnreadable.class).hasMessageContaining(nobody);
    }

    private void counter(String request, int version, long count) throws Exception {
        server.registerMBean(new Counter(count),
                new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=" + request + ",version=" + version));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The stand-in's management interface: the attribute the broker's meters have. */
    public interface CounterMBean {
        long getCount();
    }

    public static final class Counter implements CounterMBean {
        private final long count;

        Counter(long count) {
            this.count = count;
        }

        @Override
        public long getCount() {
            return count;
        }
    }
}

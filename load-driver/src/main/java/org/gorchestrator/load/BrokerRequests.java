package org.gorchestrator.load;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The requests a Kafka broker has answered, by type, read from its JMX beans
 * {@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,version=*} over a JMX connector (the broker's
 * JVM started with {@code -Dcom.sun.management.jmxremote.port=…}). The counts only grow while the broker runs; the
 * versions of one request type are summed. The broker also counts fetches a second time as {@code FetchConsumer} or
 * {@code FetchFollower}: those are left out, so that the counts add up to the requests.
 */
final class BrokerRequests implements AutoCloseable {
    private static final Set<String> SECOND_COUNTS = Set.of("FetchConsumer", "FetchFollower");

    private final JMXConnector connector;
    private final MBeanServerConnection beans;

    /** @param hostPort where the broker's JVM serves JMX ({@code host:port} of its RMI registry) */
    BrokerRequests(String hostPort) {
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + hostPort + "/jmxrmi"));
            beans = connector.getMBeanServerConnection();
        } catch (IOException e) {
            throw new BrokerUnreadable("cannot reach the broker's JMX at " + hostPort + ": " + e.getMessage(), e);
        }
    }

    /** Request type to the requests of that type answered so far. */
    Map<String, Long> read() {
        try {
            Map<String, Long> counts = new HashMap<>();
            for (ObjectName bean : beans.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                String request = bean.getKeyProperty("request");
                if (request != null && !SECOND_COUNTS.contains(request)) {
                    counts.merge(request, ((Number) beans.getAttribute(bean, "Count")).longValue(), Long::sum);
                }
            }
            return counts;
        } catch (IOException | JMException e) {
            throw new BrokerUnreadable("cannot read the broker's request counts: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // the connection is gone either way, and the figures were read
        }
    }
}

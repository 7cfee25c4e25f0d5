package org.gorchestrator.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up while the Kafka cluster answers within the timeout; a service that cannot reach Kafka is not ready. */
public final class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {
    private final Admin admin;
    private final Duration timeout;

    public KafkaClusterHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
        super("Kafka cluster check failed");
        this.admin = Admin.create(adminProperties);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        Collection<Node> nodes = admin.describeCluster(options).nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("brokers", nodes.size());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}

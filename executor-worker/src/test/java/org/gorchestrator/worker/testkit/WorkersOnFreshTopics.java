package org.gorchestrator.worker.testkit;

import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test of worker runtimes on the test broker: each test gets fresh topics and its own {@link Workers}, closed after it. */
@ExtendWith(KafkaBroker.class)
public abstract class WorkersOnFreshTopics {
    private final int nodeCommandPartitions;
    protected KafkaFixture kafka;
    protected Workers workers;

    protected WorkersOnFreshTopics(int nodeCommandPartitions) {
        this.nodeCommandPartitions = nodeCommandPartitions;
    }

    @BeforeEach
    protected void freshTopics() {
        kafka = KafkaFixture.withFreshTopics(nodeCommandPartitions);
        workers = new Workers(kafka);
    }

    @AfterEach
    protected void stopWorkers() {
        workers.close();
        kafka.close();
    }
}

package dev.matriculas.testkafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * Kafka in a container started by Testcontainers. An outage is the container paused: its published port, and so
 * the address the clients were given, stays the same when it is unpaused, as a restarted broker's would.
 */
final class ContainerBroker implements TestBroker {

    private final ConfluentKafkaContainer container;
    private boolean paused;

    ContainerBroker(String image) {
        container = new ConfluentKafkaContainer(image)
                // As docker-compose.yml and the in-process broker have it: topics exist only when created on purpose.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        // Started at once, since the address exists only then; it serves from start().
        container.start();
        pause();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized TestBroker start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
        return this;
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            pause();
        }
    }

    private void pause() {
        DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        paused = true;
    }

    /** Unpaused first: Docker refuses to kill a paused container. */
    @Override
    public synchronized void close() {
        start();
        container.stop();
    }
}

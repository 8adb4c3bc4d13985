package dev.matriculas.testkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * Kafka in a container started by Testcontainers. An outage is the broker stopped with its container: it shuts
 * down, connections are refused, and {@code docker start} runs it again on its log, as a restarted broker would,
 * like the in-process broker's outage. Its port is published on a host port chosen up front, so the address the clients were given
 * (and the one the broker advertises) stays the same across the restart.
 */
final class ContainerBroker implements TestBroker {

    private static final int KAFKA_PORT = 9092;
    private static final int SHUTDOWN_SECONDS = 30;

    private final ConfluentKafkaContainer container;
    private boolean stopped;

    ContainerBroker(String image) {
        int hostPort = freeHostPort();
        container = new ConfluentKafkaContainer(image)
                // As docker-compose.yml and the in-process broker have it: topics exist only when created on purpose.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                // Beyond Testcontainers' minute: a busy machine, with several test JVMs, can take longer.
                .withStartupTimeout(BrokerReadiness.TIMEOUT.multipliedBy(3))
                .withCreateContainerCmdModifier(create -> create.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(KAFKA_PORT))));
        // Started at once, since the address exists only then; it serves from start().
        container.start();
        stop();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized TestBroker start() {
        if (stopped) {
            docker().startContainerCmd(container.getContainerId()).exec();
            stopped = false;
        }
        BrokerReadiness.await(bootstrapServers());
        return this;
    }

    /**
     * Kafka is asked to shut down as a stopped broker does (SIGTERM to the broker: Testcontainers' shell, the
     * container's first process, passes no signal on), and the container stops once it has.
     */
    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        try {
            container.execInContainer("kafka-server-stop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        docker().stopContainerCmd(container.getContainerId()).withTimeout(SHUTDOWN_SECONDS).exec();
        stopped = true;
    }

    @Override
    public synchronized void close() {
        container.stop();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private static int freeHostPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}

package dev.matriculas.testkafka;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Which Kafka the tests of this JVM run on: {@code -Dkafka.tests=container} or {@code in-process} when given,
 * otherwise a container wherever a Docker engine is reachable. Said once in the log.
 */
enum BrokerChoice {

    CONTAINER {
        @Override
        TestBroker newBroker() {
            return new ContainerBroker(ComposeKafkaImage.read());
        }
    },
    IN_PROCESS {
        @Override
        TestBroker newBroker() {
            return new InProcessBroker();
        }
    };

    static final String PROPERTY = "kafka.tests";

    private static final Logger log = LoggerFactory.getLogger(BrokerChoice.class);
    private static BrokerChoice chosen;

    abstract TestBroker newBroker();

    static synchronized BrokerChoice chosen() {
        if (chosen == null) {
            chosen = choose(System.getProperty(PROPERTY, ""), DockerClientFactory.instance()::isDockerAvailable);
        }
        return chosen;
    }

    /** {@code dockerAvailable} is asked only when the choice depends on it. */
    static BrokerChoice choose(String asked, BooleanSupplier dockerAvailable) {
        switch (asked.trim().toLowerCase(Locale.ROOT)) {
            case "container" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=container asks for Kafka in a container, but no "
                            + "Docker engine is reachable: start Docker, or run with -D" + PROPERTY + "=in-process");
                }
                log.info("Kafka for these tests: a container of {} (-D{}=container)", ComposeKafkaImage.read(), PROPERTY);
                return CONTAINER;
            }
            case "in-process" -> {
                log.info("Kafka for these tests: the in-process KRaft broker (-D{}=in-process)", PROPERTY);
                return IN_PROCESS;
            }
            case "" -> {
                if (dockerAvailable.getAsBoolean()) {
                    log.info("Kafka for these tests: a container of {}, as a Docker engine is reachable "
                            + "(-D{}=in-process for the in-process broker)", ComposeKafkaImage.read(), PROPERTY);
                    return CONTAINER;
                }
                log.info("Kafka for these tests: the in-process KRaft broker, as no Docker engine is reachable "
                        + "(-D{}=container insists on one)", PROPERTY);
                return IN_PROCESS;
            }
            default -> throw new IllegalArgumentException(
                    "-D" + PROPERTY + " must be 'container' or 'in-process', got '" + asked + "'");
        }
    }
}

package dev.matriculas.testkafka;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

/**
 * A Kafka broker for tests: a Testcontainers container of the Compose file's Kafka image where a Docker engine is
 * reachable, the in-process KRaft broker elsewhere ({@link BrokerChoice} says which, and why).
 */
public interface TestBroker extends AutoCloseable {

    /** The broker every class of this test JVM shares: started on first use, never stopped by a test. */
    static TestBroker shared() {
        return SharedBroker.get();
    }

    /** A broker for one test class that stops and starts it; not serving until {@link #start()}. */
    static TestBroker own() {
        return BrokerChoice.chosen().newBroker();
    }

    String bootstrapServers();

    /** Serves (again), on the same address and with the data it had; returns once it takes requests. */
    TestBroker start();

    /**
     * Shuts the broker down, as in an outage of a stopped broker (connections refused, its log recovered on the
     * next start), keeping its address and data for {@link #start()}.
     */
    void stop();

    /** Gone for good. */
    @Override
    void close();

    /** The broker as Spring Boot's service connection for Kafka, for a test context's bean. */
    default KafkaConnectionDetails connectionDetails() {
        return () -> List.of(bootstrapServers());
    }
}

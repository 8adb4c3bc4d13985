package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The producer and the dashboard started as processes with exactly the environment docker-compose.yml gives their
 * containers, except for what only exists inside Docker: Kafka's container address becomes the given broker, and
 * each container port a free port of this machine.
 */
final class ComposePipeline implements AutoCloseable {

    private final ServiceProcess producer;
    private final ServiceProcess dashboard;

    private ComposePipeline(ServiceProcess producer, ServiceProcess dashboard) {
        this.producer = producer;
        this.dashboard = dashboard;
    }

    static ComposePipeline around(String kafkaBootstrapServers) {
        ComposeFile compose = ComposeFile.load();
        Map<String, String> hosts = new LinkedHashMap<>();
        compose.kafkaListeners().forContainers().forEach(address -> hosts.put(address, kafkaBootstrapServers));
        ServiceProcess producer = process(compose.service("producer"), hosts).start();
        try {
            return new ComposePipeline(producer, process(compose.service("dashboard"), hosts).start());
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    private static ServiceProcess process(ComposeFile.Service service, Map<String, String> hosts) {
        int containerPort = service.ports().get(0).containerPort();
        int port = ServiceProcess.freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        service.environment().forEach((name, value) -> environment.put(name,
                value.equals(Integer.toString(containerPort)) ? Integer.toString(port) : mapAddresses(value, hosts)));
        assertThat(environment).as("the environment of %s sets its port %s", service.name(), containerPort)
                .containsValue(Integer.toString(port));
        return ServiceProcess.withEnvironment(service.name(), port, environment);
    }

    private static String mapAddresses(String value, Map<String, String> hosts) {
        return Arrays.stream(value.split(",")).map(entry -> hosts.getOrDefault(entry, entry))
                .collect(Collectors.joining(","));
    }

    /** The dashboard counts the producer's records, and nothing it did not send; none is rejected. */
    void assertEnrollmentsFlow() {
        await("enrollments on the dashboard").atMost(Duration.ofSeconds(60))
                .until(() -> totalOnDashboard() >= 3);
        long counted = totalOnDashboard();
        long sent = producer.get("/api/producer").path("sent").asLong();
        assertThat(counted).isLessThanOrEqualTo(sent);
        assertThat(dashboard.get("/api/summary").path("rejected").path("total").asLong()).isZero();
    }

    private long totalOnDashboard() {
        return dashboard.get("/api/summary").path("totalEnrollments").asLong();
    }

    @Override
    public void close() {
        dashboard.close();
        producer.close();
    }
}

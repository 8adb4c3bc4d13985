package dev.matriculas.endtoend.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import dev.matriculas.contract.Enrollment;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The running stack as ComposeStackTest reads it: the services' HTTP APIs, Kafka's tools, the containers' health. */
final class Stack {

    /**
     * What every dashboard reading the same records shows alike: not the times, the arrivals or its own state, nor
     * the most common profile, which on a tie names the value that dashboard met first.
     */
    private static final List<String> FIGURES = List.of("totalEnrollments", "byCourse", "byPayment", "byShift",
            "bySex", "byFinanciallyResponsible", "ageHistogram", "courseByShift", "byEnrollmentDate", "rejected");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ComposeContainer compose;
    private final ComposeProject project;

    Stack(ComposeContainer compose, ComposeProject project) {
        this.compose = compose;
        this.project = project;
    }

    static JsonNode figures(JsonNode summary) {
        return ((ObjectNode) summary.deepCopy()).retain(FIGURES);
    }

    /** Docker's health of a container of the stack, {@code dashboard-2} say. */
    String health(String container) {
        return DockerClientFactory.instance().client().inspectContainerCmd(project.name() + "-" + container).exec()
                .getState().getHealth().getStatus();
    }

    /**
     * Waits for Docker's health checks to pass. A container still starting on a busy machine can be marked
     * unhealthy for a while; only one that never passes fails the test.
     */
    void awaitHealthy(String... containers) {
        await("healthy: " + String.join(", ", containers)).atMost(ComposeStackTest.START)
                .until(() -> Stream.of(containers).allMatch(container -> health(container).equals("healthy")));
    }

    Stream<Integer> dashboards() {
        return IntStream.rangeClosed(1, 2).boxed();
    }

    JsonNode summary(int dashboard) {
        return get("dashboard-" + dashboard, 8080, "/api/summary");
    }

    long total(int dashboard) {
        return summary(dashboard).path("totalEnrollments").asLong();
    }

    /** The first dashboard's summary, asked inside its container: for a stack Testcontainers did not start. */
    JsonNode summaryInside() {
        return JSON.readTree(project.exec("dashboard", "curl -fsS localhost:8080/api/summary"));
    }

    JsonNode producer() {
        return get("producer-1", 8082, "/api/producer");
    }

    void post(String path) {
        send(HttpRequest.newBuilder(uri("producer-1", 8082, path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Pauses the producer and waits until Kafka has acknowledged every record; returns how many it sent. */
    long pauseProducer() {
        post("/api/producer/pause");
        await("no record in flight").atMost(Duration.ofMinutes(2))
                .until(() -> producer().path("pending").asLong() == 0);
        return producer().path("sent").asLong();
    }

    void awaitBothDashboardsAt(long total) {
        await("both dashboards at " + total).atMost(Duration.ofMinutes(2))
                .until(() -> dashboards().allMatch(dashboard -> total(dashboard) == total));
    }

    /** Every record ever written to the enrollments topic, compacted or not: the sum of its partitions' end offsets. */
    long recordsInTopic() {
        return project.exec("kafka", "kafka-get-offsets --bootstrap-server kafka:29092 --topic " + Enrollment.TOPIC)
                .lines().filter(line -> line.startsWith(Enrollment.TOPIC + ":"))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(':') + 1))).sum();
    }

    JsonNode kafkaUiTopics() {
        return get("kafka-ui-1", 8080, "/api/clusters/matriculas/topics?search=" + Enrollment.TOPIC);
    }

    /**
     * Testcontainers' port proxy is attached to the project's network, which {@code docker compose down} removes
     * only once nothing else is attached: the proxy leaves it first (it is stopped with the class).
     */
    void detachTestcontainersPorts() {
        DockerClient docker = DockerClientFactory.instance().client();
        String network = project.name() + "_default";
        docker.inspectNetworkCmd().withNetworkId(network).exec().getContainers().keySet().stream()
                .filter(id -> !docker.inspectContainerCmd(id).exec().getConfig().getLabels()
                        .containsKey("com.docker.compose.project"))
                .forEach(id -> docker.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(id)
                        .withForce(true).exec());
    }

    private JsonNode get(String container, int port, String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(uri(container, port, path)).build()));
    }

    private URI uri(String container, int port, String path) {
        return URI.create("http://" + compose.getServiceHost(container, port) + ":"
                + compose.getServicePort(container, port) + path);
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s", request.method(), request.uri()).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

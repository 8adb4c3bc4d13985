package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.matriculas.contract.Enrollment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's docker-compose.yml as a user runs it, images built from this checkout, with two dashboards
 * ({@code --scale dashboard=2}); its host ports are the README's (8081, 8082, 9092), the dashboards' a range.
 * Needs a Docker engine with Compose v2: {@code ./mvnw -Pcompose verify}; skipped where there is none.
 */
@Tag("compose")
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackTest {

    private static final List<String> DASHBOARDS = List.of("dashboard-1", "dashboard-2");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Container
    static final ComposeContainer compose = new ComposeContainer(java.nio.file.Path.of(System.getProperty("repository.root"), "docker-compose.yml").toFile())
            .withBuild(true)
            .withScaledService("dashboard", 2)
            .withEnv("DASHBOARD_HOST_PORTS", "18090-18091")
            .withEnv("PRODUCER_RATE_PER_SECOND", "20")
            .waitingFor("zookeeper-1", Wait.forHealthcheck())
            .waitingFor("kafka-1", Wait.forHealthcheck())
            .waitingFor("kafka-ui-1", Wait.forHealthcheck())
            .waitingFor("producer-1", Wait.forHealthcheck())
            .waitingFor("dashboard-1", Wait.forHealthcheck())
            .waitingFor("dashboard-2", Wait.forHealthcheck())
            .withStartupTimeout(Duration.ofMinutes(15));

    @Test
    void bothDashboardsCountExactlyWhatTheProducerSentOnceItIsPaused() {
        await("enrollments on both dashboards").atMost(Duration.ofMinutes(2))
                .until(() -> DASHBOARDS.stream().allMatch(dashboard -> total(dashboard) > 0));

        post("http://localhost:8082/api/producer/pause");
        await("no record in flight").atMost(Duration.ofMinutes(1))
                .until(() -> get("http://localhost:8082/api/producer").path("pending").asLong() == 0);
        long sent = get("http://localhost:8082/api/producer").path("sent").asLong();

        await("the dashboards catch up").atMost(Duration.ofMinutes(1))
                .until(() -> DASHBOARDS.stream().allMatch(dashboard -> total(dashboard) == sent));
        assertThat(summary("dashboard-1").path("byCourse")).isEqualTo(summary("dashboard-2").path("byCourse"));
        assertThat(summary("dashboard-1").path("byPayment")).isEqualTo(summary("dashboard-2").path("byPayment"));
        post("http://localhost:8082/api/producer/resume");
    }

    @Test
    void kafkaUiListsTheEnrollmentTopicWithThreePartitions() {
        JsonNode topics = get("http://localhost:8081/api/clusters/matriculas/topics?search=" + Enrollment.TOPIC).path("topics");

        assertThat(topics.valueStream().filter(topic -> topic.path("name").asString().equals(Enrollment.TOPIC)))
                .singleElement().extracting(topic -> topic.path("partitionCount").asInt()).isEqualTo(3);
    }

    @Test
    void aMalformedRecordIsParkedOnTheDeadLetterTopicWithItsReason() throws Exception {
        String key = "malformed-" + System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Enrollment.TOPIC, key, "{\"id_matricula\": ")).get();
        }

        List<ConsumerRecord<String, String>> parked = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                ConsumerConfig.GROUP_ID_CONFIG, key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Enrollment.DEAD_LETTER_TOPIC));
            // Each dashboard parks what it rejects.
            await("the record parked by both dashboards").atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        parked.add(record);
                    }
                });
                return parked.size() >= DASHBOARDS.size();
            });
        }
        assertThat(parked).allSatisfy(record -> assertThat(new String(
                record.headers().lastHeader("x-reject-reason").value(), StandardCharsets.UTF_8)).isEqualTo("malformed-json"));
        assertThat(DASHBOARDS).allSatisfy(dashboard ->
                assertThat(summary(dashboard).path("rejected").path("byReason").path("malformed-json").asLong()).isPositive());
    }

    private static long total(String dashboard) {
        return summary(dashboard).path("totalEnrollments").asLong();
    }

    private static JsonNode summary(String dashboard) {
        int port = compose.getContainerByServiceName(dashboard).orElseThrow().getMappedPort(8080);
        return get("http://localhost:" + port + "/api/summary");
    }

    private static JsonNode get(String url) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).build()));
    }

    private static void post(String url) {
        send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s", request.method(), request.uri()).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

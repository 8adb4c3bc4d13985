package dev.matriculas.endtoend.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.matriculas.contract.Enrollment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

/**
 * The repository's docker-compose.yml and Dockerfile as a user runs them: both images built by Compose from this
 * checkout, never pulled, two dashboards ({@code --scale dashboard=2}), and the stack then put through what a user
 * does to it: a dashboard restarted, Kafka stopped and started under a running producer, {@code down} and {@code up}
 * again. Testcontainers gives the services' ports, so the stack publishes none of the README's and runs beside one
 * of the user's. Needs a Docker engine with Compose v2: {@code ./mvnw -Pcompose verify}.
 */
@Tag("compose")
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("repository.root", "missing: run through Maven"));
    private static final List<File> FILES = List.of(REPOSITORY.resolve("docker-compose.yml").toFile(),
            Path.of("src/test/resources/compose/without-host-ports.yml").toAbsolutePath().toFile());
    private static final Map<String, String> ENVIRONMENT = Map.of("PRODUCER_RATE_PER_SECOND", "20");
    /** Builds and starts take minutes on 2 cores; each wait fails on its own after this long. */
    static final Duration START = Duration.ofMinutes(5);
    private static final List<String> SERVICES = KafkaUi.imagePresent()
            ? List.of("zookeeper", "kafka", "kafka-init", "kafka-ui", "producer", "dashboard")
            : List.of("zookeeper", "kafka", "kafka-init", "producer", "dashboard");

    @Container
    static final ComposeContainer compose = exposed(new ComposeContainer("matriculas", FILES)
            .withServices(SERVICES.toArray(String[]::new))
            .withBuild(true)
            .withPull(false)
            .withScaledService("dashboard", 2)
            .withEnv(ENVIRONMENT)
            .withStartupTimeout(START)
            .waitingFor("zookeeper", Wait.forHealthcheck().withStartupTimeout(START))
            .waitingFor("kafka", Wait.forHealthcheck().withStartupTimeout(START))
            .withExposedService("producer", 1, 8082, Wait.forHealthcheck().withStartupTimeout(START))
            .withExposedService("dashboard", 1, 8080, Wait.forHealthcheck().withStartupTimeout(START))
            .withExposedService("dashboard", 2, 8080, Wait.forHealthcheck().withStartupTimeout(START)));

    private static ComposeProject project;
    private static Stack stack;

    private static ComposeContainer exposed(ComposeContainer container) {
        return KafkaUi.imagePresent()
                ? container.withExposedService("kafka-ui", 1, 8080, Wait.forHealthcheck().withStartupTimeout(START))
                : container;
    }

    @BeforeAll
    static void connect() {
        String name = compose.getContainerByServiceName("kafka-1").orElseThrow().getCurrentContainerInfo()
                .getConfig().getLabels().get("com.docker.compose.project");
        project = new ComposeProject(name, FILES, ENVIRONMENT);
        stack = new Stack(compose, project);
    }

    @Test
    @Order(1)
    void everyContainerIsHealthyAndKafkaInitHasCompleted() {
        assertThat(SERVICES).filteredOn(service -> !service.equals("kafka-init")).allSatisfy(service ->
                assertThat(stack.health(service + "-1")).as(service).isEqualTo("healthy"));
        assertThat(stack.health("dashboard-2")).isEqualTo("healthy");
        InspectContainerResponse.ContainerState init = compose.getContainerByServiceName("kafka-init-1").orElseThrow()
                .getCurrentContainerInfo().getState();
        assertThat(init.getStatus()).isEqualTo("exited");
        assertThat(init.getExitCodeLong()).isZero();
    }

    @Test
    @Order(2)
    void bothDashboardsCountExactlyWhatTheProducerSent() {
        await("enrollments on both dashboards").atMost(Duration.ofMinutes(2))
                .until(() -> stack.dashboards().allMatch(dashboard -> stack.total(dashboard) > 0));

        long sent = stack.pauseProducer();

        stack.awaitBothDashboardsAt(sent);
        assertThat(Stack.figures(stack.summary(2))).isEqualTo(Stack.figures(stack.summary(1)));
    }

    @Test
    @Order(3)
    void aMalformedRecordIsParkedOnTheDeadLetterTopicByEachDashboardWithItsReason() {
        String key = "malformed-" + System.nanoTime();
        project.exec("kafka", "echo '" + key + "|{\"id_matricula\": ' | kafka-console-producer --bootstrap-server "
                + "kafka:29092 --topic " + Enrollment.TOPIC + " --property parse.key=true --property key.separator='|'");

        await("the record parked by both dashboards").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(project.exec("kafka", "kafka-console-consumer --bootstrap-server kafka:29092 --topic "
                        + Enrollment.DEAD_LETTER_TOPIC + " --from-beginning --timeout-ms 5000 --property print.key=true "
                        + "--property print.headers=true 2>/dev/null | grep --text " + key).lines())
                        .hasSize(2).allSatisfy(line -> assertThat(line).contains("x-reject-reason:malformed-json")));
        assertThat(stack.dashboards()).allSatisfy(dashboard -> assertThat(stack.summary(dashboard)
                .path("rejected").path("byReason").path("malformed-json").asLong()).isPositive());
    }

    @Test
    @Order(4)
    void aRestartedDashboardComesBackWithTheSameFigures() {
        long sent = stack.pauseProducer();
        stack.awaitBothDashboardsAt(sent);
        JsonNode before = Stack.figures(stack.summary(2));

        project.run(Duration.ofMinutes(2), "restart", "dashboard");
        stack.awaitHealthy("dashboard-1", "dashboard-2");

        stack.awaitBothDashboardsAt(sent);
        assertThat(Stack.figures(stack.summary(1))).isEqualTo(before);
        assertThat(Stack.figures(stack.summary(2))).isEqualTo(before);
    }

    @Test
    @Order(5)
    void kafkaStoppedAndStartedUnderARunningProducerLosesNothingAndDoublesNothing() {
        long sentBefore = stack.pauseProducer();
        long recordsBefore = stack.recordsInTopic();
        stack.post("/api/producer/resume");

        project.run(Duration.ofMinutes(2), "stop", "kafka");
        await("the producer finding Kafka away").atMost(Duration.ofMinutes(1))
                .until(() -> !stack.producer().path("kafkaReachable").asBoolean());
        project.run(Duration.ofMinutes(1), "start", "kafka");
        stack.awaitHealthy("kafka-1");

        long sent = stack.pauseProducer();
        assertThat(sent).isGreaterThan(sentBefore);
        assertThat(stack.recordsInTopic() - recordsBefore).as("records written to the topic").isEqualTo(sent - sentBefore);
        stack.awaitBothDashboardsAt(sent);
    }

    @Test
    @Order(6)
    void kafkaUiListsTheEnrollmentTopicWithItsPartitions() {
        Assumptions.assumeTrue(KafkaUi.imagePresent(), () -> "Kafka UI skipped: its image " + KafkaUi.image()
                + " is not on this Docker engine and no registry can be reached to pull it");

        JsonNode topics = stack.kafkaUiTopics().path("topics");

        assertThat(topics.valueStream().filter(topic -> topic.path("name").asString().equals(Enrollment.TOPIC)))
                .singleElement().extracting(topic -> topic.path("partitionCount").asInt()).isEqualTo(3);
    }

    @Test
    @Order(7)
    void downThenUpKeepsTheDataAndDownWithVolumesStartsEmpty() {
        long sent = stack.pauseProducer();
        stack.awaitBothDashboardsAt(sent);
        JsonNode before = Stack.figures(stack.summary(1));
        stack.detachTestcontainersPorts();

        project.run(Duration.ofMinutes(3), "down");
        Map<String, String> paused = Map.of("PRODUCER_PAUSED", "true");
        project.with(paused).run(START, "up", "--detach", "--scale", "dashboard=2", "producer", "dashboard");
        stack.awaitHealthy("producer-1", "dashboard-1", "dashboard-2");

        await("the dashboard's figures back").atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(Stack.figures(stack.summaryInside())).isEqualTo(before));

        project.run(Duration.ofMinutes(3), "down", "--volumes");
        project.with(paused).run(START, "up", "--detach", "producer", "dashboard");
        stack.awaitHealthy("producer-1", "dashboard-1");

        assertThat(stack.recordsInTopic()).isZero();
        assertThat(stack.summaryInside().path("totalEnrollments").asLong()).isZero();
    }
}

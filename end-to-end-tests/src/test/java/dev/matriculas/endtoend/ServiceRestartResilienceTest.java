package dev.matriculas.endtoend;

import static dev.matriculas.endtoend.RunningServices.acknowledgedOncePaused;
import static dev.matriculas.endtoend.RunningServices.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** A service ended at once (kill -9), as a crash would end it, then started again on the same broker. */
@KafkaTest
class ServiceRestartResilienceTest {

    @RegisterExtension
    static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(50);

    /** The summary's figures; the pipeline's counters, the arrival window and the update time move on their own. */
    private static final List<String> FIGURES = List.of("totalEnrollments", "byCourse", "byPayment", "byShift",
            "shiftPercent", "bySex", "byFinanciallyResponsible", "ageHistogram", "courseByShift", "byEnrollmentDate",
            "mostCommon", "overflow", "rejected");
    private static final Pattern ID = Pattern.compile("\"id_matricula\"\\s*:\\s*\"([^\"]+)\"");

    @BeforeEach
    void producing() {
        ServiceProcess producer = pipeline.producer();
        producer.post("/api/producer/resume");
        long sent = producer.get("/api/producer").path("sent").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> producer.get("/api/producer").path("sent").asLong() >= sent + 100);
    }

    @Test
    void dashboardKilledAndRestartedShowsTheSameFiguresToTheUnit() throws InterruptedException {
        ServiceProcess producer = pipeline.producer();
        ServiceProcess dashboard = pipeline.dashboard();
        long acknowledged = acknowledgedOncePaused(producer);
        // The topic may also hold records of an earlier producer instance, so it is the reference.
        int onTopic = recordsById().size();
        assertThat(onTopic).isGreaterThanOrEqualTo((int) acknowledged);
        await().atMost(Duration.ofSeconds(60)).until(() -> total(dashboard) == onTopic);
        Map<String, JsonNode> before = figures(dashboard.get("/api/summary"));

        dashboard.kill();
        dashboard.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> total(dashboard) == onTopic
                && !dashboard.get("/api/summary").path("pipeline").path("catchingUp").asBoolean());
        assertThat(figures(dashboard.get("/api/summary"))).isEqualTo(before);
    }

    @Test
    void producerKilledAndRestartedReusesNoId() throws InterruptedException {
        ServiceProcess producer = pipeline.producer();
        ServiceProcess dashboard = pipeline.dashboard();
        producer.kill();
        producer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> producer.get("/api/producer").path("sent").asLong() >= 100);
        long acknowledgedAfterRestart = acknowledgedOncePaused(producer);

        Map<String, Integer> recordsById = recordsById();
        int records = recordsById.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(records).isGreaterThanOrEqualTo((int) acknowledgedAfterRestart + 100);
        assertThat(recordsById).as("ids seen more than once").allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(dashboard) == records);
    }

    private static Map<String, JsonNode> figures(JsonNode summary) {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        FIGURES.forEach(name -> figures.put(name, summary.path(name)));
        return figures;
    }

    /** Every record on the topic read with a plain consumer, by the id in its value; keys must agree with it. */
    private static Map<String, Integer> recordsById() {
        Map<String, Integer> recordsById = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicRecords.readAll(pipeline.kafka().bootstrapServers(), Enrollment.TOPIC)) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            Matcher id = ID.matcher(value);
            assertThat(id.find()).as("record with an id: %s", value).isTrue();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(id.group(1));
            recordsById.merge(id.group(1), 1, Integer::sum);
        }
        return recordsById;
    }
}

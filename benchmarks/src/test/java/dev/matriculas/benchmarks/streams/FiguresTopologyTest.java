package dev.matriculas.benchmarks.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import dev.matriculas.contract.Enrollment;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> topic;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        FiguresTopology.build(builder);
        var config = StreamsFiguresApp.config("unused:9092", stateDir);
        driver = new TopologyTestDriver(builder.build(config), config);
        topic = driver.createInputTopic(Enrollment.TOPIC, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsEveryFigureOfAnEnrollment() {
        send(enrollment("a", "Edificações", "Noite", 17));
        send(enrollment("b", "Informática", "Noite", 23));

        Map<String, Object> figures = figures();
        assertThat(figures).containsEntry("totalEnrollments", 2L)
                .containsEntry("byCourse", Map.of("Edificações", 1L, "Informática", 1L))
                .containsEntry("byShift", Map.of("Noite", 2L))
                .containsEntry("byPayment", Map.of("Boleto", 2L))
                .containsEntry("bySex", Map.of("F", 2L))
                .containsEntry("byFinanciallyResponsible", Map.of("Pai", 2L))
                .containsEntry("ageHistogram", Map.of("15-19", 1L, "20-24", 1L))
                .containsEntry("courseByShift", Map.of("Edificações", Map.of("Noite", 1L), "Informática", Map.of("Noite", 1L)));
    }

    @Test
    void aNewVersionOfAnIdMovesItsCounts() {
        send(enrollment("a", "Edificações", "Noite", 17));
        send(enrollment("a", "Informática", "Manhã", 30));

        assertThat(figures()).containsEntry("totalEnrollments", 1L)
                .containsEntry("byCourse", Map.of("Informática", 1L))
                .containsEntry("ageHistogram", Map.of("30-34", 1L))
                .containsEntry("courseByShift", Map.of("Informática", Map.of("Manhã", 1L)));
    }

    @Test
    void aTombstoneRemovesTheIdsCounts() {
        send(enrollment("a", "Edificações", "Noite", 17));
        send(enrollment("b", "Informática", "Noite", 23));
        topic.pipeInput("a", null);

        assertThat(figures()).containsEntry("totalEnrollments", 1L)
                .containsEntry("byCourse", Map.of("Informática", 1L))
                .containsEntry("ageHistogram", Map.of("20-24", 1L));
    }

    @Test
    void aRecordThatIsNotAnEnrollmentIsSkippedAndTheNextCounted() {
        topic.pipeInput("x", "{\"id_matricula\": \"x\"".getBytes(StandardCharsets.UTF_8));
        topic.pipeInput("y", "{\"id_matricula\": \"y\"}".getBytes(StandardCharsets.UTF_8));
        send(enrollment("a", "Edificações", "Noite", 17));

        assertThat(figures()).containsEntry("totalEnrollments", 1L).containsEntry("byCourse", Map.of("Edificações", 1L));
    }

    private void send(Enrollment enrollment) {
        topic.pipeInput(enrollment.id(), FiguresTopology.JSON.writeValueAsBytes(enrollment));
    }

    private Map<String, Object> figures() {
        return StreamsFiguresApp.figures(name -> driver.<Object, Long>getKeyValueStore(name));
    }

    private static Enrollment enrollment(String id, String course, String shift, int age) {
        return new Enrollment(id, course, shift, 6, LocalDate.of(2024, 2, 1), age, "F", "Pai", "Boleto", LocalDate.of(2024, 1, 15));
    }
}

package dev.matriculas.endtoend;

import static dev.matriculas.endtoend.RunningServices.sum;
import static dev.matriculas.endtoend.RunningServices.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every record names a course never seen before: the dashboard keeps its category maps bounded, counts every
 * record and answers all along. How much heap the flood leaves behind is a figure of {@code bench/heap.sh}.
 */
@KafkaTest
class CategoryFloodResilienceTest {

    @RegisterExtension
    static final RunningPipeline pipeline = RunningPipeline.dashboardAlone();

    private static final int RECORDS = 50_000;
    private static final int COURSE_CAP = 64;
    private static final String OTHER = "(outros)";

    @Test
    void aFloodOfNewCourseNamesIsFoldedIntoOtherAndCountedExactly() throws Exception {
        TestBroker kafka = pipeline.kafka();
        ServiceProcess dashboard = pipeline.dashboard();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < RECORDS; i++) {
                String id = UUID.randomUUID().toString();
                producer.send(new ProducerRecord<>(Enrollment.TOPIC, id, enrollment(id, "Curso inventado nº " + i)));
            }
            producer.flush();
        }

        // Each poll is a full summary with a 5 s timeout: the dashboard answers all along the flood.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> total(dashboard) == RECORDS);
        JsonNode summary = dashboard.get("/api/summary");
        JsonNode byCourse = summary.path("byCourse");
        assertThat(byCourse.size()).isEqualTo(COURSE_CAP + 1);
        assertThat(byCourse.path(OTHER).asLong()).isEqualTo(RECORDS - COURSE_CAP);
        assertThat(sum(byCourse)).isEqualTo(RECORDS);
        assertThat(summary.path("overflow").path("course").asLong()).isEqualTo(RECORDS - COURSE_CAP);
        assertThat(summary.path("courseByShift").size()).isLessThanOrEqualTo(COURSE_CAP + 1);
        assertThat(summary.path("rejected").path("total").asLong()).isZero();
        assertThat(dashboard.status("/")).isEqualTo(200);
        assertThat(dashboard.status("/api/summary?course=" + OTHER.replace("(", "%28").replace(")", "%29"))).isEqualTo(200);
        assertThat(RunningServices.health(dashboard)).isEqualTo("UP");
    }

    private static String enrollment(String id, String course) {
        return """
                {"id_matricula":"%s","ds_curso_nome":"%s","ds_curso_turno":"Noite","ds_curso_duracao":4,\
                "ds_curso_inicio":"2024-02-01","ds_aluno_idade":21,"ds_aluno_sexo":"Feminino",\
                "ds_aluno_responsavel_financeiro":"Sim","ds_matricula_pagamento":"Boleto","dt_matricula":"2024-01-15"}\
                """.formatted(id, course);
    }
}

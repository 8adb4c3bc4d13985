package dev.matriculas.dashboard.ingest;

import static dev.matriculas.dashboard.TestKafka.json;
import static dev.matriculas.dashboard.TestKafka.utf8;
import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.RunningDashboardTest;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.dashboard.status.ConsumerProgress;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.store.RejectedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/** The listener against a real broker: what reaches the figures, what is parked, and how. */
@RunningDashboardTest
class EnrollmentListenerTest {

    static final TestKafka kafka = TestKafka.shared();

    @Autowired
    EnrollmentStore store;

    @Autowired
    RejectedRecords rejected;

    @Autowired
    ConsumerProgress progress;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    private long total(String course) {
        return store.figures(new Filter(course, null, null, null), 1).totalEnrollments();
    }

    /** One kind of bad record: the key and value as they arrive, and the reason it must be parked with. */
    record Bad(String kind, byte[] key, byte[] value, String reason) {
    }

    private static List<Bad> badRecords(String course) {
        String valid = new String(json(enrollment("template").course(course).build()), StandardCharsets.UTF_8);
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("truncated JSON", utf8("b1"), utf8("{\"id_matricula\": \"b1\""), "malformed-json"));
        bad.add(new Bad("not JSON", utf8("b2"), utf8("matrícula"), "malformed-json"));
        bad.add(new Bad("JSON array", utf8("b3"), utf8("[1, 2]"), "not-an-object"));
        bad.add(new Bad("JSON string", utf8("b4"), utf8("\"b4\""), "not-an-object"));
        bad.add(new Bad("JSON null", utf8("b5"), utf8("null"), "not-an-object"));
        bad.add(new Bad("empty value", utf8("b6"), new byte[0], "not-an-object"));
        bad.add(new Bad("missing field", utf8("b7"), utf8(field(valid, "b7", "\"ds_curso_nome\": \"" + course + "\",", "")), "missing-field"));
        bad.add(new Bad("null field", utf8("b8"), utf8(field(valid, "b8", "\"ds_aluno_sexo\": \"Feminino\"", "\"ds_aluno_sexo\": null")), "missing-field"));
        bad.add(new Bad("age as text", utf8("b9"), utf8(field(valid, "b9", "\"ds_aluno_idade\": 19", "\"ds_aluno_idade\": \"19\"")), "wrong-type"));
        bad.add(new Bad("fractional duration", utf8("b10"), utf8(field(valid, "b10", "\"ds_curso_duracao\": 5", "\"ds_curso_duracao\": 4.5")), "wrong-type"));
        bad.add(new Bad("course as number", utf8("b11"), utf8(field(valid, "b11", "\"ds_curso_nome\": \"" + course + "\"", "\"ds_curso_nome\": 7")), "wrong-type"));
        bad.add(new Bad("blank course", utf8("b12"), utf8(field(valid, "b12", "\"ds_curso_nome\": \"" + course + "\"", "\"ds_curso_nome\": \"   \"")), "blank-text"));
        bad.add(new Bad("course too long", utf8("b13"), utf8(field(valid, "b13", "\"ds_curso_nome\": \"" + course + "\"", "\"ds_curso_nome\": \"" + "x".repeat(101) + "\"")), "text-too-long"));
        bad.add(new Bad("age above 120", utf8("b14"), utf8(field(valid, "b14", "\"ds_aluno_idade\": 19", "\"ds_aluno_idade\": 121")), "out-of-range"));
        bad.add(new Bad("negative age", utf8("b15"), utf8(field(valid, "b15", "\"ds_aluno_idade\": 19", "\"ds_aluno_idade\": -1")), "out-of-range"));
        bad.add(new Bad("huge age", utf8("b16"), utf8(field(valid, "b16", "\"ds_aluno_idade\": 19", "\"ds_aluno_idade\": 100000000000000000000")), "out-of-range"));
        bad.add(new Bad("zero duration", utf8("b17"), utf8(field(valid, "b17", "\"ds_curso_duracao\": 5", "\"ds_curso_duracao\": 0")), "out-of-range"));
        bad.add(new Bad("impossible date", utf8("b18"), utf8(field(valid, "b18", "\"dt_matricula\": \"2024-01-20\"", "\"dt_matricula\": \"2024-02-30\"")), "invalid-date"));
        bad.add(new Bad("date in another format", utf8("b19"), utf8(field(valid, "b19", "\"dt_matricula\": \"2024-01-20\"", "\"dt_matricula\": \"20/01/2024\"")), "invalid-date"));
        bad.add(new Bad("date as number", utf8("b20"), utf8(field(valid, "b20", "\"ds_curso_inicio\": \"2024-02-01\"", "\"ds_curso_inicio\": 20240201")), "wrong-type"));
        byte[] latin1 = field(valid, "b21", "\"ds_aluno_sexo\": \"Feminino\"", "\"ds_aluno_sexo\": \"Não\"").getBytes(StandardCharsets.ISO_8859_1);
        bad.add(new Bad("not UTF-8", utf8("b21"), latin1, "invalid-utf8"));
        bad.add(new Bad("key differs from id", utf8("someone-else"), utf8(field(valid, "b22", "", "")), "key-mismatch"));
        bad.add(new Bad("oversized", utf8("b24"), utf8(field(valid, "b24", "{", "{\"padding\": \"" + "p".repeat(5000) + "\", ")), "oversized"));
        bad.add(new Bad("duplicate field", utf8("b25"), utf8(field(valid, "b25", "{", "{\"ds_aluno_idade\": 30, ")), "malformed-json"));
        bad.add(new Bad("tombstone with a key that is not UTF-8", new byte[] {(byte) 0xC3, (byte) 0x28}, null, "invalid-utf8"));
        bad.add(new Bad("key not UTF-8", new byte[] {(byte) 0xFF}, utf8(field(valid, "b27", "", "")), "invalid-utf8"));
        bad.add(new Bad("id of spaces", utf8("  "), utf8(field(valid, "  ", "", "")), "blank-text"));
        return bad;
    }

    /** The valid template with its id set and one piece of text replaced. */
    private static String field(String valid, String id, String from, String to) {
        String withId = valid.replace("\"id_matricula\":\"template\"", "\"id_matricula\": \"" + id + "\"")
                .replace("\":", "\": ").replace(",\"", ", \"");
        return from.isEmpty() ? withId : withId.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void badRecordsAreParkedWithTheirReasonAndEveryValidRecordAroundThemIsCounted() {
        String course = "Curso Corpus";
        List<Bad> bad = badRecords(course);
        assertThat(bad).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i < bad.size(); i++) {
            kafka.send(enrollment("valid-before-" + i).course(course).build());
            kafka.send(bad.get(i).key(), bad.get(i).value());
        }
        kafka.send(enrollment("valid-last").course(course).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> total(course) == bad.size() + 1);
        List<ConsumerRecord<byte[], byte[]>> parked = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            parked.clear();
            parked.addAll(kafka.readAll(Enrollment.DEAD_LETTER_TOPIC));
            return parked.size() >= bad.size();
        });
        for (Bad record : bad) {
            assertThat(parked).as(record.kind())
                    .filteredOn(p -> Arrays.equals(p.value(), record.value()) && Arrays.equals(p.key(), record.key()))
                    .singleElement()
                    .extracting(p -> new String(p.headers().lastHeader("x-reject-reason").value(), StandardCharsets.UTF_8))
                    .isEqualTo(record.reason());
        }
        // Each instance parks what it rejects, at each start: these headers tell which record a copy is of.
        assertThat(parked).allSatisfy(p -> {
            assertThat(new String(p.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Enrollment.TOPIC);
            assertThat(p.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).hasSize(Integer.BYTES);
            assertThat(p.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).hasSize(Long.BYTES);
        });
        Map<String, Long> byReason = rejected.byReason();
        bad.stream().map(Bad::reason).distinct()
                .forEach(reason -> assertThat(byReason).as(reason).containsKey(reason));
        assertThat(rejected.total()).isGreaterThanOrEqualTo(bad.size());
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        String valid = new String(json(enrollment("extra-1").course("Curso Extra").build()), StandardCharsets.UTF_8);
        kafka.send(utf8("extra-1"), utf8(valid.replaceFirst("\\{", "{\"ds_observacao\": \"nova coluna\", ")));

        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Extra") == 1);
    }

    @Test
    void tombstoneRemovesTheEnrollmentFromTheFigures() {
        kafka.send(enrollment("to-remove").course("Curso Tombstone").build());
        kafka.send(enrollment("to-keep").course("Curso Tombstone").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Tombstone") == 2);

        kafka.send(utf8("to-remove"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Tombstone") == 1);
        assertThat(store.figures(new Filter("Curso Tombstone", null, null, null), 5).newest())
                .extracting(Enrollment::id).containsExactly("to-keep");
    }

    @Test
    void resentRecordsDoNotInflateTheFigures() {
        long readBefore = progress.consumed();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                kafka.send(enrollment("resent-" + i).course("Curso Resent").build());
            }
        }
        kafka.send(enrollment("resent-marker").course("Curso Resent Marker").build());

        // The marker may sit on another partition and arrive first: wait until all 31 records have been read.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> progress.consumed() - readBefore >= 31 && total("Curso Resent Marker") == 1);
        assertThat(total("Curso Resent")).isEqualTo(10);
    }

    @Test
    void anIdSentAgainWithChangedFieldsMovesItsCountsToTheNewValues() {
        kafka.send(enrollment("changed-1").course("Curso Antes").shift("Manhã").build());
        kafka.send(enrollment("changed-2").course("Curso Antes").shift("Manhã").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Antes") == 2);

        kafka.send(enrollment("changed-1").course("Curso Depois").shift("Noite").build());

        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Depois") == 1);
        assertThat(total("Curso Antes")).isEqualTo(1);
        Map<String, Integer> shiftsAfter = store.figures(new Filter("Curso Depois", null, null, null), 5).byShift();
        assertThat(shiftsAfter).containsEntry("Noite", 1);
        assertThat(shiftsAfter.getOrDefault("Manhã", 0)).isZero();
        assertThat(store.figures(new Filter("Curso Antes", null, null, null), 5).newest())
                .extracting(Enrollment::id).containsExactly("changed-2");
    }

    @Test
    void anotherInstanceStartedLaterShowsTheSameFigures() {
        for (int i = 0; i < 100; i++) {
            kafka.send(enrollment("shared-" + i).course("Curso Shared").shift(i % 2 == 0 ? "Manhã" : "Noite").build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Shared") == 100);

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DashboardApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.broker().bootstrapServers())) {
            EnrollmentStore secondStore = second.getBean(EnrollmentStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> secondStore.size() == store.size());

            Filter shared = new Filter("Curso Shared", null, null, null);
            assertThat(secondStore.figures(shared, 5)).usingRecursiveComparison().ignoringFields("updatedAt", "arrivals")
                    .isEqualTo(store.figures(shared, 5));
            assertThat(store.figures(shared, 5).totalEnrollments()).isEqualTo(100);
        }
        // The first instance is unaffected by the second one coming and going.
        kafka.send(enrollment("shared-after").course("Curso Shared").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Shared") == 101);
    }

    @Test
    void aListenerStartedAgainResumesWhereItStoppedRatherThanReadingTheTopicAgain() {
        kafka.sendAll(IntStream.range(0, 20).mapToObj(i -> enrollment("resumed-" + i).course("Curso Retomado").build()).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Retomado") == 20 && progress.lag() == 0);
        long consumed = progress.consumed();

        MessageListenerContainer listener = registry.getListenerContainer(EnrollmentListener.ID);
        listener.stop();
        listener.start();
        kafka.send(enrollment("resumed-after").course("Curso Retomado").build());

        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Retomado") == 21 && progress.lag() == 0);
        assertThat(progress.consumed()).isEqualTo(consumed + 1);
    }
}

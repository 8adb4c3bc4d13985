package dev.matriculas.dashboard.ingest;

import static dev.matriculas.dashboard.TestKafka.json;
import static dev.matriculas.dashboard.TestKafka.utf8;
import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.ConsumerProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The folder on its own thread: records folded in order, bad ones parked, none lost when parking fails. */
class EnrollmentFolderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EnrollmentStore store = new EnrollmentStore(
            new DashboardProperties(CategoryLimits.defaults(), 20, Duration.ofMillis(200), Duration.ofSeconds(15), 3),
            Clock.systemUTC());
    private final ConsumerProgress progress = new ConsumerProgress();
    private final List<ConsumerRecord<?, ?>> parked = new CopyOnWriteArrayList<>();
    private EnrollmentFolder folder;

    @AfterEach
    void close() {
        folder.close();
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(Enrollment.TOPIC, 0, offset, utf8(key), value);
    }

    private static ConsumerRecord<byte[], byte[]> valid(long offset, String id) {
        return record(offset, id, json(enrollment(id).build()));
    }

    @Test
    void foldsEveryBatchInOrderAndParksWhatIsNotAnEnrollment() {
        folder = new EnrollmentFolder(store, (record, error) -> parked.add(record), progress);

        folder.fold(List.of(valid(0, "a"), valid(1, "b"), record(2, "c", utf8("{not json"))));
        folder.fold(List.of(record(3, "a", null), valid(4, "d")));

        await().atMost(WAIT).until(() -> progress.consumed() == 5);
        assertThat(store.figures(Filter.NONE, 10).newest()).extracting(Enrollment::id).containsExactlyInAnyOrder("b", "d");
        assertThat(parked).extracting(ConsumerRecord::offset).containsExactly(2L);
    }

    @Test
    void aRecordTheDeadLetterTopicRefusesIsTriedAgainAndTheRecordsAfterItWait() throws Exception {
        CountDownLatch kafkaBack = new CountDownLatch(1);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        folder = new EnrollmentFolder(store, (record, error) -> {
            attempts.add(record.offset());
            if (attempts.size() == 1) {
                throw new KafkaException("Kafka is away");
            }
            try {
                kafkaBack.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            parked.add(record);
        }, progress);

        folder.fold(List.of(valid(0, "before"), record(1, "bad", utf8("[]")), valid(2, "after")));

        await().atMost(WAIT).until(() -> attempts.size() == 2);
        assertThat(store.size()).isEqualTo(1);
        assertThat(progress.consumed()).isZero();

        kafkaBack.countDown();

        await().atMost(WAIT).until(() -> progress.consumed() == 3);
        assertThat(attempts).containsExactly(1L, 1L);
        assertThat(parked).extracting(ConsumerRecord::offset).containsExactly(1L);
        assertThat(store.figures(Filter.NONE, 10).newest()).extracting(Enrollment::id).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void aFolderStoppedByAnErrorSaysSoRatherThanTakeMoreRecords() {
        folder = new EnrollmentFolder(store, (record, error) -> {
            throw new OutOfMemoryError("simulated");
        }, progress);

        folder.fold(List.of(record(0, "bad", utf8("[]"))));

        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> folder.fold(List.of(valid(1, "next"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("folding stopped"));
        assertThat(folder.failed()).isTrue();
        assertThat(new FoldingHealthIndicator(folder).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aWorkingFolderIsHealthy() {
        folder = new EnrollmentFolder(store, (record, error) -> parked.add(record), progress);

        folder.fold(List.of(record(0, "bad", utf8("[]"))));

        await().atMost(WAIT).until(() -> progress.consumed() == 1);
        assertThat(folder.failed()).isFalse();
        assertThat(new FoldingHealthIndicator(folder).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void closingLetsAListenerWaitingForRoomGo() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        folder = new EnrollmentFolder(store, (record, error) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, progress);
        folder.fold(List.of(record(0, "stuck", utf8("[]"))));
        for (int i = 1; i <= 4; i++) {
            assertThat(folder.fold(List.of(valid(i, "waiting-" + i)))).isTrue();
        }
        CompletableFuture<Boolean> listener = CompletableFuture.supplyAsync(() -> folder.fold(List.of(valid(5, "one-too-many"))));

        folder.close();

        assertThat(listener.get(30, TimeUnit.SECONDS)).isFalse();
    }
}

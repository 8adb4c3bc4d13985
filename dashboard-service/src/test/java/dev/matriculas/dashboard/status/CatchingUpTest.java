package dev.matriculas.dashboard.status;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.OnConsume;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.testkafka.KafkaTest;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A dashboard started on a full topic says it is catching up, how far it is, and then that it is live. */
@KafkaTest
class CatchingUpTest {

    static final TestKafka kafka = TestKafka.shared();

    /** Closed, each consumer hands over its first batch and then waits: the backlog stays half read. */
    static final CountDownLatch gate = new CountDownLatch(1);

    @Test
    void reportsProgressWhileReadingTheBacklogThenLive() {
        kafka.sendAll(IntStream.range(0, 20_000).mapToObj(i -> enrollment("backlog-" + i).build()).toList());
        // The shared broker's topic also holds what other classes sent: a new dashboard reads it all.
        int onTopic = kafka.readAll(Enrollment.TOPIC).size();

        try (ConfigurableApplicationContext dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.broker().bootstrapServers(),
                "--spring.kafka.consumer.max-poll-records=500",
                "--spring.kafka.consumer.properties.interceptor.classes=" + FirstBatchOnly.class.getName())) {
            PipelineMonitor pipeline = dashboard.getBean(PipelineMonitor.class);
            try {
                await("the first batches read").atMost(Duration.ofSeconds(60))
                        .until(() -> pipeline.status().lagByPartition().size() == 3 && pipeline.status().consumed() > 0);
                PipelineStatus halfway = pipeline.status();
                assertThat(halfway.catchingUp()).isTrue();
                assertThat(halfway.lag()).isPositive();
                assertThat(halfway.consumed()).isPositive().isLessThan(onTopic);
                assertThat(halfway.percentDone()).isGreaterThan(0.0).isLessThan(100.0);
            } finally {
                gate.countDown();
            }

            await("live").atMost(Duration.ofSeconds(120))
                    .until(() -> pipeline.status().consumed() == onTopic && !pipeline.status().catchingUp());
            PipelineStatus live = pipeline.status();
            assertThat(live.lag()).isZero();
            assertThat(live.percentDone()).isEqualTo(100.0);
        }
    }

    /** A consumer interceptor (one per consumer, so per partition) that holds every batch after the first at the gate. */
    public static final class FirstBatchOnly implements OnConsume {

        private int batches;

        @Override
        public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
            if (batches++ > 0) {
                try {
                    gate.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return records;
        }
    }
}

package dev.matriculas.dashboard.status;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A dashboard started on a full topic says it is catching up, how far it is, and then that it is live. */
@KafkaTest
class CatchingUpTest {

    static final TestKafka kafka = TestKafka.shared();

    @Test
    void reportsProgressWhileReadingTheBacklogThenLive() {
        int backlog = 20_000;
        kafka.sendAll(IntStream.range(0, backlog).mapToObj(i -> enrollment("backlog-" + i).build()).toList());
        // The shared broker's topic also holds what other classes sent: a new dashboard reads it all.
        int onTopic = kafka.readAll(Enrollment.TOPIC).size();
        List<PipelineStatus> seen = new CopyOnWriteArrayList<>();

        // Small polls make the backlog take long enough to be watched.
        try (ConfigurableApplicationContext dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.broker().bootstrapServers(),
                "--spring.kafka.consumer.max-poll-records=20")) {
            PipelineMonitor pipeline = dashboard.getBean(PipelineMonitor.class);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                PipelineStatus status = pipeline.status();
                seen.add(status);
                return status.consumed() == onTopic && status.lag() == 0 && !status.catchingUp();
            });
        }

        assertThat(seen).anySatisfy(status -> {
            assertThat(status.catchingUp()).isTrue();
            assertThat(status.lag()).isPositive();
            assertThat(status.percentDone()).isBetween(0.1, 99.9);
        });
        assertThat(seen.get(seen.size() - 1).percentDone()).isEqualTo(100.0);
    }
}

package dev.matriculas.dashboard.status;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Kafka is stopped and started again: the dashboard says so, keeps its figures, and resumes exactly. Its context,
 * which would go on probing the broker closed after the class, is closed with the class.
 */
@SpringBootTest
@KafkaTest(ownBroker = true)
@Import(KafkaOutageTest.Kafka.class)
@DirtiesContext
class KafkaOutageTest {

    static final TestKafka kafka = TestKafka.own();

    @TestConfiguration(proxyBeanMethods = false)
    static class Kafka {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return kafka.broker().connectionDetails();
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Autowired
    EnrollmentStore store;

    @Autowired
    PipelineMonitor pipeline;

    @Autowired
    HealthEndpoint health;

    @Test
    void keepsTheFiguresWhileKafkaIsStoppedAndResumesWithNoGapAndNoDoubleCount() {
        kafka.sendAll(IntStream.range(0, 500).mapToObj(i -> enrollment("before-" + i).build()).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> store.size() == 500);
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.status().connected());
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

        kafka.broker().stop();

        await().atMost(Duration.ofSeconds(20)).until(() -> !pipeline.status().connected());
        assertThat(pipeline.status().disconnectedSince()).isNotNull();
        assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(store.figures(Filter.NONE, 1).totalEnrollments()).isEqualTo(500);

        kafka.broker().start();
        kafka.sendAll(IntStream.range(0, 500).mapToObj(i -> enrollment("after-" + i).build()).toList());

        await().atMost(Duration.ofSeconds(60)).until(() -> store.size() == 1000);
        await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.status().connected());
        assertThat(pipeline.status().disconnectedSince()).isNull();
        assertThat(pipeline.status().consumed()).isEqualTo(1000);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }
}

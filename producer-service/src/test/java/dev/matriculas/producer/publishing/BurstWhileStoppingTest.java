package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dev.matriculas.producer.generator.EnrollmentGenerator;
import dev.matriculas.producer.generator.GeneratorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Once the producer is stopping, a burst is refused, not accepted for records that would never be made. */
class BurstWhileStoppingTest {

    @Test
    void aBurstAskedForWhileTheProducerIsNotRunningIsServiceUnavailable() {
        PublishingLoop notRunning = new PublishingLoop(
                new EnrollmentGenerator(new GeneratorProperties(1L, LocalDate.of(2024, 2, 1)), Clock.systemUTC()),
                null, new PublishingProperties(1, true, 100, 1000, false, Duration.ofSeconds(10)));
        MockMvcTester mvc = MockMvcTester.of(List.of(new ProducerController(notRunning, null)),
                controller -> controller.setControllerAdvice(new ApiExceptionHandler()).build());

        assertThat(mvc.post().uri("/api/producer/burst").param("count", "10"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .bodyText().contains("no more records are made");
        assertThat(notRunning.burstRemaining()).isZero();
    }
}

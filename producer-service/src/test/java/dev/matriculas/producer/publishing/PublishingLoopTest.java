package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import dev.matriculas.producer.generator.GeneratorProperties;
import org.junit.jupiter.api.Test;

/** The loop outlives a record it could not make. */
class PublishingLoopTest {

    @Test
    void aRecordThatCannotBeMadeDoesNotEndTheLoop() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        EnrollmentGenerator failingOnce = new EnrollmentGenerator(
                new GeneratorProperties(1L, LocalDate.of(2024, 2, 1)), Clock.systemUTC()) {
            @Override
            public Enrollment next() {
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated bug");
                }
                return super.next();
            }
        };
        List<Enrollment> handedOver = new CopyOnWriteArrayList<>();
        EnrollmentPublisher publisher = mock(EnrollmentPublisher.class);
        doAnswer(call -> handedOver.add(call.<Supplier<Enrollment>>getArgument(0).get())).when(publisher).publish(any());
        PublishingLoop loop = new PublishingLoop(failingOnce, publisher,
                new PublishingProperties(50, false, 100, 1000, false, Duration.ofSeconds(1)));

        loop.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> handedOver.size() >= 3);
        } finally {
            loop.stop();
        }
        assertThat(thrown).isTrue();
    }
}

package dev.matriculas.producer.publishing;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How fast and how safely enrollments are published.
 *
 * @param ratePerSecond  records per second at start-up
 * @param paused         start without sending, until {@code POST /api/producer/resume}
 * @param maxInFlight    records made but not yet acknowledged before generation waits; bounds memory during an outage
 * @param logEvery       one summary log line per this many acknowledged records
 * @param logEachRecord  also log every record (for debugging)
 * @param drainTimeout   how long shutdown waits for Kafka to acknowledge the records in flight (1 s to 10 min;
 *                       under Docker Compose, keep it below the producer's {@code stop_grace_period})
 */
@Validated
@ConfigurationProperties("producer")
public record PublishingProperties(
        @DefaultValue("1") @Min(PublishingLoop.MIN_RATE) @Max(PublishingLoop.MAX_RATE) int ratePerSecond,
        @DefaultValue("false") boolean paused,
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxInFlight,
        @DefaultValue("1000") @Min(1) int logEvery,
        @DefaultValue("false") boolean logEachRecord,
        @DefaultValue("10s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) Duration drainTimeout) {
}

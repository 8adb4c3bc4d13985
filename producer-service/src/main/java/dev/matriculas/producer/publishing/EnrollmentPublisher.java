package dev.matriculas.producer.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.matriculas.contract.Enrollment;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends enrollments to Kafka without losing any. At most {@code maxInFlight} records exist without an
 * acknowledgement: a record is only made once there is room, so an outage slows generation instead of
 * filling memory. The producer is idempotent with {@code acks=all} and never gives up on a record it has
 * taken ({@code delivery.timeout.ms} at its maximum), so its own retries never write a record twice. What
 * it refuses to take at all (no metadata within {@code max.block.ms}: the broker is away) is offered again
 * until it is taken; having never been taken, it cannot be written twice either.
 */
@Component
public class EnrollmentPublisher {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentPublisher.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final KafkaTemplate<String, Enrollment> template;
    private final PublishingProperties properties;
    private final Semaphore room;
    private final KafkaReachability reachability;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Timer latency;
    private volatile boolean draining;

    public EnrollmentPublisher(KafkaTemplate<String, Enrollment> template, PublishingProperties properties,
            MeterRegistry registry, Clock clock) {
        this.template = template;
        this.properties = properties;
        this.room = new Semaphore(properties.maxInFlight());
        this.reachability = new KafkaReachability(clock);
        FunctionCounter.builder("enrollments.published", sent, AtomicLong::get).tag("outcome", "sent")
                .description("Enrollments acknowledged by Kafka").register(registry);
        FunctionCounter.builder("enrollments.published", failed, AtomicLong::get).tag("outcome", "failed")
                .description("Enrollments Kafka rejected for good").register(registry);
        this.latency = Timer.builder("enrollments.publish.latency")
                .description("From handing an enrollment to Kafka to its acknowledgement")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        Gauge.builder("enrollments.pending", this, EnrollmentPublisher::pending)
                .description("Enrollments made and not yet acknowledged by Kafka").register(registry);
    }

    /**
     * Waits for room among the unacknowledged records, makes the next record and hands it to Kafka; the
     * acknowledgement comes later. Blocks while Kafka is away rather than drop the record.
     *
     * @throws InterruptedException when the service stops meanwhile; the record, if made, is counted as failed
     */
    public void publish(Supplier<Enrollment> next) throws InterruptedException {
        room.acquire();
        Enrollment enrollment;
        try {
            enrollment = next.get();
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
        long start = System.nanoTime();
        while (true) {
            try {
                template.send(Enrollment.TOPIC, enrollment.id(), enrollment)
                        .whenComplete((result, error) -> completed(enrollment, start, result, error));
                return;
            } catch (InterruptException e) {
                abandon();
                throw new InterruptedException("stopped while handing a record to Kafka");
            } catch (RuntimeException e) {
                if (!isRetriable(e)) {
                    completed(enrollment, start, null, e);
                    return;
                }
                reachability.refused(rootMessage(e));
                try {
                    Thread.sleep(RETRY_DELAY.toMillis());
                } catch (InterruptedException stopped) {
                    abandon();
                    throw stopped;
                }
            }
        }
    }

    private void completed(Enrollment enrollment, long startNanos, SendResult<String, Enrollment> result, Throwable error) {
        if (error != null) {
            failed.incrementAndGet();
            room.release();
            if (!draining) {
                logFailure(enrollment, error);
            }
            return;
        }
        latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        long total = sent.incrementAndGet();
        // Counted before the room is given back, so that no pending records means every record is counted.
        room.release();
        if (properties.logEachRecord()) {
            RecordMetadata metadata = result.getRecordMetadata();
            log.info("Sent {} to partition {} at offset {}", enrollment, metadata.partition(), metadata.offset());
        }
        if (total % properties.logEvery() == 0) {
            log.info("{} enrollments sent ({} failed, {} waiting for Kafka)", total, failed.get(), pending());
        }
    }

    /** Shutdown gave up on a record Kafka had not taken yet; the shutdown line counts it among the lost. */
    private void abandon() {
        failed.incrementAndGet();
        room.release();
    }

    /** One line per kind of failure, not one per record: a broken setting would fail every record alike. */
    private void logFailure(Enrollment enrollment, Throwable error) {
        String reason = rootMessage(error);
        if (!reason.equals(lastFailure.getAndSet(reason))) {
            log.error("Enrollment {} was not sent: {} (further records failing alike are only counted)",
                    enrollment.id(), reason);
        }
    }

    private static boolean isRetriable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void checkReachability() {
        reachability.check(pending(), sent.get() + failed.get());
    }

    /**
     * Waits until Kafka has answered for every record made, or the timeout passes. From now on failures are
     * only counted: the shutdown line says how many records were lost.
     *
     * @return how many records are still unacknowledged
     */
    long drain(Duration timeout) throws InterruptedException {
        draining = true;
        int all = properties.maxInFlight();
        if (room.tryAcquire(all, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            room.release(all);
        }
        return pending();
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Records made and not yet acknowledged (nor failed): never more than {@code maxInFlight}. */
    public long pending() {
        return properties.maxInFlight() - room.availablePermits();
    }

    public Instant unreachableSince() {
        return reachability.unreachableSince();
    }
}

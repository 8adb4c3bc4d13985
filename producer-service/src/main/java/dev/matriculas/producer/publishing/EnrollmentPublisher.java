package dev.matriculas.producer.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.matriculas.contract.Enrollment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends enrollments to Kafka without losing any: at most {@code maxInFlight} wait for an acknowledgement
 * (so an outage slows generation instead of filling memory), and a record Kafka could not even accept
 * is sent again rather than dropped. The producer is idempotent with {@code acks=all}, so retries never
 * write a record twice.
 */
@Component
public class EnrollmentPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentPublisher.class);
    private static final long RESEND_DELAY_MS = 1000;

    private final KafkaTemplate<String, Enrollment> template;
    private final PublishingProperties properties;
    private final Semaphore inFlight;
    private final KafkaReachability reachability;
    private final ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "enrollment-resend");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final Timer latency;

    public EnrollmentPublisher(KafkaTemplate<String, Enrollment> template, PublishingProperties properties,
            MeterRegistry registry, Clock clock) {
        this.template = template;
        this.properties = properties;
        this.inFlight = new Semaphore(properties.maxInFlight());
        this.reachability = new KafkaReachability(clock);
        this.sentCounter = Counter.builder("enrollments.published").tag("outcome", "sent")
                .description("Enrollments acknowledged by Kafka").register(registry);
        this.failedCounter = Counter.builder("enrollments.published").tag("outcome", "failed")
                .description("Enrollments Kafka rejected for good").register(registry);
        this.latency = Timer.builder("enrollments.publish.latency")
                .description("From send to Kafka's acknowledgement").publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("enrollments.pending", this, EnrollmentPublisher::pending)
                .description("Enrollments sent and not yet acknowledged").register(registry);
    }

    /** Waits while too many records are unacknowledged, then sends; acknowledgement comes later. */
    public void publish(Enrollment enrollment) throws InterruptedException {
        inFlight.acquire();
        send(enrollment, System.nanoTime());
    }

    private void send(Enrollment enrollment, long startNanos) {
        template.send(Enrollment.TOPIC, enrollment.id(), enrollment).whenComplete((result, error) -> {
            if (error == null) {
                delivered(enrollment, startNanos);
            } else if (isRetriable(error)) {
                reachability.check(pending(), error.getMessage());
                resender.schedule(() -> send(enrollment, startNanos), RESEND_DELAY_MS, TimeUnit.MILLISECONDS);
            } else {
                inFlight.release();
                failed.incrementAndGet();
                failedCounter.increment();
                log.error("Enrollment {} was rejected by Kafka and is not sent: {}", enrollment.id(), error.getMessage());
            }
        });
    }

    private void delivered(Enrollment enrollment, long startNanos) {
        inFlight.release();
        latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        sentCounter.increment();
        reachability.acknowledged();
        long total = sent.incrementAndGet();
        if (properties.logEachRecord()) {
            log.info("Sent {}", enrollment);
        }
        if (total % properties.logEvery() == 0) {
            log.info("{} enrollments sent so far ({} failed, {} waiting for Kafka)", total, failed.get(), pending());
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

    @Scheduled(fixedDelay = 1000)
    void checkReachability() {
        reachability.check(pending(), "no acknowledgement");
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    public long pending() {
        return properties.maxInFlight() - inFlight.availablePermits();
    }

    public Instant unreachableSince() {
        return reachability.unreachableSince();
    }

    /** Hands every record still in flight to Kafka before the service stops. */
    public void flush() {
        template.flush();
    }

    @Override
    public void destroy() {
        resender.shutdownNow();
    }
}

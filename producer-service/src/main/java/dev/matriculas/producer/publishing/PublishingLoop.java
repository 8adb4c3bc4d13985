package dev.matriculas.producer.publishing;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.google.common.util.concurrent.RateLimiter;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Generates and publishes enrollments at the configured rate, and bursts beside it, on two scheduled tasks of a
 * scheduler of its own (a record may wait for room among those in flight, which must not hold up the service's
 * other scheduled work). Guava's {@link RateLimiter} paces the steady records: it stores at most one second's
 * permits, so after a stall (an outage) the loop catches up at most one second's worth. The rate, pause and
 * bursts can change while it runs. On shutdown it stops making records and waits for Kafka to acknowledge those
 * made.
 */
@Component
public class PublishingLoop implements SmartLifecycle {

    /** The rates and bursts the control API and the settings accept. */
    static final int MIN_RATE = 1;
    static final int MAX_RATE = 50_000;
    static final int MIN_BURST = 1;
    static final int MAX_BURST = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(PublishingLoop.class);
    /** How often each task looks for records due; the rate limiter spaces the records within. */
    private static final Duration TICK = Duration.ofMillis(5);

    private final EnrollmentGenerator generator;
    private final EnrollmentPublisher publisher;
    private final Duration drainTimeout;
    private final AtomicLong burstRemaining = new AtomicLong();
    /** Held while the steady task makes a record, so a pause can wait for the last one. */
    private final ReentrantLock making = new ReentrantLock();
    private volatile RateLimiter limiter;
    private volatile boolean paused;
    private volatile boolean running;
    private ThreadPoolTaskScheduler scheduler;

    public PublishingLoop(EnrollmentGenerator generator, EnrollmentPublisher publisher, PublishingProperties properties) {
        this.generator = generator;
        this.publisher = publisher;
        this.drainTimeout = properties.drainTimeout();
        this.limiter = RateLimiter.create(properties.ratePerSecond());
        this.paused = properties.paused();
    }

    /** The new rate counts from now: no permits are carried over from the old one. */
    public void setRatePerSecond(int perSecond) {
        Assert.isTrue(perSecond >= MIN_RATE && perSecond <= MAX_RATE,
                () -> "rate " + perSecond + " is outside " + MIN_RATE + ".." + MAX_RATE);
        limiter = RateLimiter.create(perSecond);
    }

    public int ratePerSecond() {
        return (int) Math.round(limiter.getRate());
    }

    /**
     * Stops the steady records; returns once the last one is handed over, so the {@code sent} count settles (or
     * after two seconds if that record is still waiting for room). Bursts asked for go on.
     */
    public void pause() {
        paused = true;
        try {
            if (making.tryLock(2, TimeUnit.SECONDS)) {
                making.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resumes at the rate from now, with no catching up for the time paused. */
    public void resume() {
        limiter = RateLimiter.create(limiter.getRate());
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /**
     * Queues {@code count} records to be sent as fast as Kafka takes them, beside the steady rate.
     *
     * @throws NotPublishingException once the producer is stopping (or before it starts): no record would be made
     */
    public void burst(int count) {
        Assert.isTrue(count >= MIN_BURST && count <= MAX_BURST,
                () -> "burst " + count + " is outside " + MIN_BURST + ".." + MAX_BURST);
        if (!running) {
            throw new NotPublishingException();
        }
        burstRemaining.addAndGet(count);
    }

    public long burstRemaining() {
        return burstRemaining.get();
    }

    /** Every record due at the rate, each made under the lock a pause waits for. */
    private void publishDue() {
        while (running && !paused && limiter.tryAcquire()) {
            making.lock();
            try {
                if (paused || !publishNext()) {
                    return;
                }
            } finally {
                making.unlock();
            }
        }
    }

    private void publishBursts() {
        while (running && burstRemaining.get() > 0 && publishNext()) {
            burstRemaining.decrementAndGet();
        }
    }

    private boolean publishNext() {
        try {
            publisher.publish(generator::next);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            // Only making a record can throw here (the publisher counts failed sends): a bug, but it must not end
            // the loop for good while health says UP. Said, and tried again a second later, not in a tight loop.
            log.error("Could not make an enrollment; trying again in 1 s", e);
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("enrollment-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::publishDue, TICK);
        scheduler.scheduleWithFixedDelay(this::publishBursts, TICK);
        log.info("Publishing enrollments at {}/s{}", ratePerSecond(), paused ? " (paused)" : "");
    }

    /**
     * Stops making records and waits, up to the drain timeout, for Kafka to acknowledge every record made.
     * Only if Kafka stays away that long are the unacknowledged records given up, and the log says how many.
     */
    @Override
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        long failedBefore = publisher.failed();
        try {
            ScheduledExecutorService tasks = scheduler.getScheduledExecutor();
            tasks.shutdown();
            if (!tasks.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                // Still waiting for Kafka to take a record: give it up rather than hang the shutdown.
                tasks.shutdownNow();
                tasks.awaitTermination(1, TimeUnit.SECONDS);
            }
            long unacknowledged = publisher.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            long lost = unacknowledged + publisher.failed() - failedBefore;
            if (lost > 0) {
                log.warn("Kafka did not acknowledge {} enrollments within {} s of shutting down; they are lost",
                        lost, drainTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopped publishing: {} enrollments sent, {} failed", publisher.sent(), publisher.failed());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

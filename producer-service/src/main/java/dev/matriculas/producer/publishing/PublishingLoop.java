package dev.matriculas.producer.publishing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Generates and publishes enrollments at the configured rate on one thread, and bursts on another. The rate,
 * pause and bursts can change while it runs. After a stall (an outage) it resumes at the rate, catching up at
 * most one second's worth of records. On shutdown it stops making records and waits for Kafka to acknowledge
 * those made.
 */
@Component
public class PublishingLoop implements SmartLifecycle {

    /** The rates and bursts the control API and the settings accept. */
    static final int MIN_RATE = 1;
    static final int MAX_RATE = 50_000;
    static final int MIN_BURST = 1;
    static final int MAX_BURST = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(PublishingLoop.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long PAUSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final EnrollmentGenerator generator;
    private final EnrollmentPublisher publisher;
    private final Duration drainTimeout;
    private final AtomicLong burstRemaining = new AtomicLong();
    private final Object idleSignal = new Object();
    private volatile int ratePerSecond;
    private volatile boolean paused;
    private volatile boolean running;
    private boolean idle;
    private Thread steady;
    private Thread bursts;

    public PublishingLoop(EnrollmentGenerator generator, EnrollmentPublisher publisher, PublishingProperties properties) {
        this.generator = generator;
        this.publisher = publisher;
        this.drainTimeout = properties.drainTimeout();
        this.ratePerSecond = properties.ratePerSecond();
        this.paused = properties.paused();
    }

    public void setRatePerSecond(int perSecond) {
        Assert.isTrue(perSecond >= MIN_RATE && perSecond <= MAX_RATE,
                () -> "rate " + perSecond + " is outside " + MIN_RATE + ".." + MAX_RATE);
        ratePerSecond = perSecond;
        wake(steady);
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    /**
     * Stops the steady loop; returns once it has handed over its last record, so the {@code sent} count
     * settles (or after two seconds if that record is still waiting for room). Bursts asked for go on.
     */
    public void pause() {
        paused = true;
        wake(steady);
        synchronized (idleSignal) {
            long deadline = System.nanoTime() + PAUSE_WAIT_NANOS;
            long left;
            while (!idle && running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(idleSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void resume() {
        paused = false;
        wake(steady);
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
        wake(bursts);
    }

    public long burstRemaining() {
        return burstRemaining.get();
    }

    private void runSteadily() {
        long next = System.nanoTime();
        while (running) {
            if (paused) {
                setIdle(true);
                LockSupport.park(this);
                setIdle(false);
                next = System.nanoTime();
                continue;
            }
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(this, next - now);
                if (System.nanoTime() < next) {
                    // Woken early by a rate change: count the interval from now, at the new rate.
                    next = System.nanoTime() + SECOND / ratePerSecond;
                }
                continue;
            }
            if (!publishNext()) {
                return;
            }
            // After a stall, catch up at most one second's worth of records, not the whole backlog.
            next = Math.max(next + SECOND / ratePerSecond, System.nanoTime() - SECOND);
        }
    }

    private void runBursts() {
        while (running) {
            if (burstRemaining.get() == 0) {
                LockSupport.park(this);
                continue;
            }
            if (!publishNext()) {
                return;
            }
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
            LockSupport.parkNanos(this, SECOND);
            return running;
        }
    }

    private void setIdle(boolean value) {
        synchronized (idleSignal) {
            idle = value;
            idleSignal.notifyAll();
        }
    }

    private static void wake(Thread thread) {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        steady = new Thread(this::runSteadily, "enrollment-loop");
        bursts = new Thread(this::runBursts, "enrollment-burst");
        steady.start();
        bursts.start();
        log.info("Publishing enrollments at {}/s{}", ratePerSecond, paused ? " (paused)" : "");
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
            for (Thread thread : new Thread[] {steady, bursts}) {
                wake(thread);
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (thread.isAlive()) {
                    // Still waiting for Kafka to take a record: give it up rather than hang the shutdown.
                    thread.interrupt();
                    thread.join(TimeUnit.SECONDS.toMillis(1));
                }
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

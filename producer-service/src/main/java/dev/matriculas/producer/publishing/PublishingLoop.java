package dev.matriculas.producer.publishing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Generates and publishes enrollments at the configured rate on one thread, and runs bursts on another.
 * The rate, pause and bursts can change while it runs. After a stall (an outage) it resumes at the rate
 * rather than rushing to catch up.
 */
@Component
public class PublishingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishingLoop.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long PAUSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final EnrollmentGenerator generator;
    private final EnrollmentPublisher publisher;
    private final AtomicLong burstRemaining = new AtomicLong();
    private volatile int ratePerSecond;
    private volatile boolean paused;
    private volatile boolean running;
    private final Object idleSignal = new Object();
    private boolean idle;
    private Thread thread;
    private ExecutorService bursts;

    public PublishingLoop(EnrollmentGenerator generator, EnrollmentPublisher publisher, PublishingProperties properties) {
        this.generator = generator;
        this.publisher = publisher;
        this.ratePerSecond = properties.ratePerSecond();
        this.paused = properties.paused();
    }

    public void setRatePerSecond(int perSecond) {
        ratePerSecond = RateLimits.checkRate(perSecond);
        wake();
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    /**
     * Stops the steady loop; returns once it has sent its last record, so the {@code sent} count settles
     * (or after two seconds if that record is still waiting for Kafka). Bursts already asked for go on.
     */
    public void pause() {
        paused = true;
        wake();
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
        wake();
    }

    public boolean paused() {
        return paused;
    }

    /** Queues {@code count} records to be sent as fast as Kafka takes them, beside the steady rate. */
    public void burst(int count) {
        RateLimits.checkBurst(count);
        burstRemaining.addAndGet(count);
        bursts.execute(() -> {
            for (int i = 0; i < count && running; i++) {
                if (!publishNext()) {
                    return;
                }
                burstRemaining.decrementAndGet();
            }
        });
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
            long interval = SECOND / ratePerSecond;
            long now = System.nanoTime();
            if (now < next) {
                // Woken early by a rate change or resume: start again from now with the new interval.
                LockSupport.parkNanos(this, next - now);
                if (System.nanoTime() < next) {
                    next = System.nanoTime() + SECOND / ratePerSecond;
                }
                continue;
            }
            if (!publishNext()) {
                return;
            }
            // After a stall, keep the rate from now instead of sending the backlog at once.
            next = Math.max(next + interval, System.nanoTime() - SECOND);
        }
    }

    private boolean publishNext() {
        try {
            publisher.publish(generator.next());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setIdle(boolean value) {
        synchronized (idleSignal) {
            idle = value;
            idleSignal.notifyAll();
        }
    }

    private void wake() {
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        bursts = Executors.newSingleThreadExecutor(task -> new Thread(task, "enrollment-burst"));
        thread = new Thread(this::runSteadily, "enrollment-loop");
        thread.start();
        log.info("Publishing enrollments at {}/s{}", ratePerSecond, paused ? " (paused)" : "");
    }

    /** Stops generating, then waits for Kafka to acknowledge everything already sent. */
    @Override
    public synchronized void stop() {
        running = false;
        bursts.shutdownNow();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            bursts.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.flush();
        log.info("Stopped publishing: {} enrollments sent, {} failed", publisher.sent(), publisher.failed());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package dev.matriculas.producer.publishing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples, every two milliseconds, how many records exist that Kafka has not answered for: made by the
 * generator and neither acknowledged nor failed. That is what an outage could pile up in memory.
 */
final class InFlightWatch implements AutoCloseable {

    private final AtomicLong most = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    InFlightWatch(RecordingGenerator generator, EnrollmentPublisher publisher) {
        sampler.scheduleAtFixedRate(() -> {
            // Made is read first: what is answered later can only be more, so this never overstates.
            long made = generator.made.size();
            long unanswered = made - publisher.sent() - publisher.failed();
            most.accumulateAndGet(Math.max(unanswered, publisher.pending()), Math::max);
        }, 0, 2, TimeUnit.MILLISECONDS);
    }

    /** The most records seen unanswered at once. */
    long most() {
        return most.get();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }
}

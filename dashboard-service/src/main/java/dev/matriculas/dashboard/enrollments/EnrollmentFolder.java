package dev.matriculas.dashboard.enrollments;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.dashboard.pipeline.ConsumerProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * Folds batches of records into the store, in the order they were read, on a thread of its own: Kafka's
 * fetching (on the consumer thread) and the parsing and folding (here) then overlap, and a replay runs about
 * half as fast again on two cores. A record that is not an enrollment is parked on the dead-letter topic
 * ({@link DeadLetters}) and the next one folded. At most {@value #BATCHES_IN_HAND} batches wait here; past
 * that, the listener waits too.
 */
@Component
class EnrollmentFolder {

    private static final int BATCHES_IN_HAND = 4;
    private static final long DEAD_LETTER_RETRY_MILLIS = 1000;

    private static final Logger log = LoggerFactory.getLogger(EnrollmentFolder.class);

    private final EnrollmentParser parser = new EnrollmentParser();
    private final BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> batches = new ArrayBlockingQueue<>(BATCHES_IN_HAND);
    private final EnrollmentStore store;
    private final ConsumerRecordRecoverer deadLetters;
    private final ConsumerProgress progress;
    private final Thread thread = new Thread(this::run, "enrollments-fold");
    private volatile boolean closed;

    EnrollmentFolder(EnrollmentStore store, ConsumerRecordRecoverer deadLetters, ConsumerProgress progress) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.progress = progress;
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Takes the batch to fold, waiting while the folder is behind. False, at once, when the dashboard is closing.
     *
     * @throws IllegalStateException when folding has stopped on an error, rather than wait for ever
     */
    boolean fold(List<ConsumerRecord<byte[], byte[]>> batch) {
        try {
            while (!closed) {
                if (failed()) {
                    throw new IllegalStateException("folding stopped on an error (see the log); no record is folded any more");
                }
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Whether folding has stopped on an error: the figures stay as they are until the dashboard restarts. */
    boolean failed() {
        return !closed && !thread.isAlive();
    }

    /** As soon as the dashboard starts closing: a listener waiting for room must not hold up its container's stop. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        try {
            while (!closed) {
                List<ConsumerRecord<byte[], byte[]>> batch = batches.take();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    foldRecord(record);
                }
                progress.folded(batch.size());
            }
        } catch (InterruptedException e) {
            // Closing.
        } catch (Throwable e) {
            log.error("Folding stopped: the figures no longer change until the dashboard restarts", e);
        }
    }

    private void foldRecord(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        try {
            if (record.value() == null) {
                store.remove(parser.parseKey(record.key()));
            } else {
                store.put(parser.parse(record.key(), record.value()), record.timestamp());
            }
        } catch (RuntimeException e) {
            park(record, e);
        }
    }

    /**
     * Until the dead-letter topic has it (or the dashboard closes: the next start reads it again): no record is
     * dropped, and those after it wait, so none is folded out of order.
     */
    private void park(ConsumerRecord<byte[], byte[]> record, RuntimeException error) throws InterruptedException {
        boolean warned = false;
        while (!closed) {
            try {
                deadLetters.accept(record, error);
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn("Cannot park the record at {}-{}@{} yet ({}); trying again until it is parked",
                            record.topic(), record.partition(), record.offset(), e.getMessage());
                    warned = true;
                }
                Thread.sleep(DEAD_LETTER_RETRY_MILLIS);
            }
        }
    }
}

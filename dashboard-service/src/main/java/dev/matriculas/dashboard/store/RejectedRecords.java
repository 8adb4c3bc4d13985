package dev.matriculas.dashboard.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts the records that were not enrollments, by reason, for the API and for Prometheus. */
@Component
public class RejectedRecords {

    /** The reason given for a record that failed for something other than a broken contract. */
    public static final String PROCESSING_ERROR = "processing-error";

    private final MeterRegistry registry;
    /** Counted here as well as in the meter: the API's figure must not depend on which registry is configured. */
    private final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();

    public RejectedRecords(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String reason) {
        byReason.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        Counter.builder("enrollments.rejected").tag("reason", reason)
                .description("Records sent to the dead-letter topic").register(registry).increment();
    }

    public long total() {
        return byReason.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<String, Long> byReason() {
        Map<String, Long> result = new TreeMap<>();
        byReason.forEach((reason, count) -> result.put(reason, count.get()));
        return result;
    }
}

package dev.matriculas.dashboard.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** What the store notices about its input that is for operators rather than for the page. */
@Component
class EnrollmentMetrics implements MeterBinder {

    private final EnrollmentStore store;

    EnrollmentMetrics(EnrollmentStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("enrollments.timestamps.ahead", store, EnrollmentStore::timestampsAhead)
                .description("Records stamped over a minute ahead of the dashboard's clock, counted as arriving when read")
                .register(registry);
    }
}

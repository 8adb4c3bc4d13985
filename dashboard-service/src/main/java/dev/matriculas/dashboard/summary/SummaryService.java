package dev.matriculas.dashboard.summary;

import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.enrollments.EnrollmentStore;
import dev.matriculas.dashboard.enrollments.Filter;
import dev.matriculas.dashboard.enrollments.RejectedRecords;
import dev.matriculas.dashboard.pipeline.Pipeline;
import dev.matriculas.dashboard.pipeline.PipelineStatus;
import org.springframework.stereotype.Service;

/** Puts a summary together from the store, the rejection counts and the pipeline. */
@Service
public class SummaryService {

    private final EnrollmentStore store;
    private final RejectedRecords rejected;
    private final Pipeline pipeline;
    private final int newestRows;

    SummaryService(EnrollmentStore store, RejectedRecords rejected, Pipeline pipeline, DashboardProperties properties) {
        this.store = store;
        this.rejected = rejected;
        this.pipeline = pipeline;
        this.newestRows = properties.newestRows();
    }

    public Summary summary(Filter filter) {
        return summary(filter, pipeline());
    }

    Summary summary(Filter filter, PipelineStatus pipelineStatus) {
        return new Summary(store.figures(filter, newestRows), filter,
                new Summary.Rejected(rejected.total(), rejected.byReason()), pipelineStatus);
    }

    PipelineStatus pipeline() {
        return pipeline.status();
    }
}

package dev.matriculas.dashboard.summary;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineMonitor;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.store.RejectedRecords;
import dev.matriculas.dashboard.store.SubsetFigures;
import org.springframework.stereotype.Service;

/** Puts a summary together from the store, the rejection counts and the pipeline. */
@Service
public class SummaryService {

    private final EnrollmentStore store;
    private final RejectedRecords rejected;
    private final PipelineMonitor pipeline;
    private final int newestRows;

    SummaryService(EnrollmentStore store, RejectedRecords rejected, PipelineMonitor pipeline, DashboardProperties properties) {
        this.store = store;
        this.rejected = rejected;
        this.pipeline = pipeline;
        this.newestRows = properties.newestRows();
    }

    public Summary summary(Filter filter) {
        return summary(filter, pipeline());
    }

    public Summary summary(Filter filter, PipelineStatus pipelineStatus) {
        return new Summary(store.figures(filter, newestRows), filter,
                new Summary.Rejected(rejected.total(), rejected.byReason()), pipelineStatus, facets(filter));
    }

    private Map<String, Map<String, Integer>> facets(Filter filter) {
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        if (filter.course() != null) {
            facets.put("course", othersOnly(new Filter(null, filter.shift(), filter.payment(), filter.sex())).byCourse());
        }
        if (filter.shift() != null) {
            facets.put("shift", othersOnly(new Filter(filter.course(), null, filter.payment(), filter.sex())).byShift());
        }
        if (filter.payment() != null) {
            facets.put("payment", othersOnly(new Filter(filter.course(), filter.shift(), null, filter.sex())).byPayment());
        }
        if (filter.sex() != null) {
            facets.put("sex", othersOnly(new Filter(filter.course(), filter.shift(), filter.payment(), null)).bySex());
        }
        return facets;
    }

    private SubsetFigures othersOnly(Filter filter) {
        return store.figures(filter, 0);
    }

    public PipelineStatus pipeline() {
        return pipeline.status();
    }
}

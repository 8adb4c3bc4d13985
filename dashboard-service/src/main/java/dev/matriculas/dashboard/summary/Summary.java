package dev.matriculas.dashboard.summary;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.matriculas.dashboard.enrollments.Figures;
import dev.matriculas.dashboard.enrollments.Filter;
import dev.matriculas.dashboard.pipeline.PipelineStatus;

/**
 * What {@code /api/summary} answers and {@code /api/stream} pushes: the figures for the filter (at the top
 * level), the filter itself, the rejected records and the pipeline's state.
 */
public record Summary(
        @JsonUnwrapped Figures figures,
        Filter filter,
        Rejected rejected,
        PipelineStatus pipeline) {

    public record Rejected(long total, Map<String, Long> byReason) {
    }
}

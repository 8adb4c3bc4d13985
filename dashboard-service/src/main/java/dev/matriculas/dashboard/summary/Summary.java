package dev.matriculas.dashboard.summary;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.store.SubsetFigures;

/**
 * What {@code /api/summary} answers and {@code /api/stream} pushes: the figures for the filter (at the top
 * level), the filter itself, the rejected records and the pipeline's state.
 *
 * @param facets for each field the filter sets ({@code course}, {@code shift}, {@code payment}, {@code sex}),
 *               that field's counts under the other filters only: the chart a value was picked from keeps
 *               showing every value, so the page can mark the picked one and let another be picked
 */
public record Summary(
        @JsonUnwrapped SubsetFigures figures,
        Filter filter,
        Rejected rejected,
        PipelineStatus pipeline,
        Map<String, Map<String, Integer>> facets) {

    public record Rejected(long total, Map<String, Long> byReason) {
    }
}

package dev.matriculas.dashboard.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.matriculas.contract.RejectReason;
import dev.matriculas.dashboard.store.RejectedRecords;

/**
 * The texts the page's scripts put together themselves (states, chips, chart labels), handed to them in
 * the page's language as hidden elements, so every label still comes from the message bundles.
 */
final class ClientMessages {

    static final List<String> KEYS = Stream.concat(
            Stream.of(
                    "status.connecting", "status.live", "status.catchingUp", "status.disconnected",
                    "status.reconnecting",
                    "banner.catchingUp", "banner.disconnected",
                    "kpi.updatedAt.never", "kpi.rate.consumed", "kpi.lag.partition", "kpi.rejected.none",
                    "filters.remove", "field.course", "field.shift", "field.payment", "field.sex",
                    "chart.arrivals.total", "chart.arrivals.peak", "chart.arrivals.unit", "chart.count", "chart.showTable",
                    "chart.showChart", "chart.overflow", "profile.age.value"),
            Stream.concat(Arrays.stream(RejectReason.values()).map(RejectReason::code), Stream.of(RejectedRecords.PROCESSING_ERROR))
                    .map(code -> "reason." + code))
            .toList();

    private ClientMessages() {
    }
}

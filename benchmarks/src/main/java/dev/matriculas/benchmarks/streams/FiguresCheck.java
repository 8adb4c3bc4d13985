package dev.matriculas.benchmarks.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Compares the dashboard's {@code /api/summary} with the Kafka Streams application's {@code /figures}. */
final class FiguresCheck {

    /** The figures both compute, in the dashboard's names, which the Streams application answers in too. */
    private static final String[] FIGURES = {"totalEnrollments", "byCourse", "byPayment", "byShift", "bySex",
            "byFinanciallyResponsible", FiguresTopology.AGE_HISTOGRAM, FiguresTopology.COURSE_BY_SHIFT};

    private FiguresCheck() {
    }

    /** What differs, one line each; empty when every figure is equal and the totals are {@code current}. */
    static List<String> differences(ObjectNode dashboard, ObjectNode streams, long current) {
        List<String> differences = new ArrayList<>();
        // Past its caps the dashboard folds values into an "other" bucket; the Streams application has no caps.
        dashboard.path("overflow").properties().forEach(field -> {
            if (field.getValue().asLong() != 0) {
                differences.add("the dashboard put " + field.getValue() + " values of " + field.getKey() + " in its 'other' bucket");
            }
        });
        // The histogram shows the empty bands between two others; the Streams application has no count for them.
        ObjectNode ages = (ObjectNode) dashboard.path(FiguresTopology.AGE_HISTOGRAM);
        ages.remove(ages.properties().stream().filter(band -> band.getValue().asLong() == 0).map(Map.Entry::getKey).toList());
        for (String figure : FIGURES) {
            JsonNode ours = dashboard.path(figure);
            JsonNode theirs = streams.path(figure);
            if (!ours.equals(theirs)) {
                differences.add(figure + ": dashboard " + ours + ", Kafka Streams " + theirs);
            }
        }
        for (ObjectNode figures : List.of(dashboard, streams)) {
            long total = figures.path("totalEnrollments").asLong();
            if (total != current) {
                differences.add((figures == dashboard ? "dashboard" : "Kafka Streams") + " total " + total + ", ids current " + current);
            }
        }
        return differences;
    }
}

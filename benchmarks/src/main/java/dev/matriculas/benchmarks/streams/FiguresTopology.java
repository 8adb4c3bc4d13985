package dev.matriculas.benchmarks.streams;

import java.util.function.Function;

import dev.matriculas.contract.Enrollment;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's headline figures the Kafka Streams way: the topic read as a table of enrollments by id (a
 * newer record of an id replaces the older, a tombstone deletes it), and one re-keyed count per figure, which
 * Kafka Streams moves from the old value's group to the new one's on every change.
 *
 * <p>Records are read with Jackson into the contract's {@link Enrollment}; one that is not JSON or lacks a field
 * is logged and skipped ({@code StreamsFiguresApp}). The contract's further rules (ranges, text lengths, a key
 * equal to {@code id_matricula}), which the dashboard's parser enforces, are not checked here: a value
 * deserializer never sees the key. On valid records, such as the benchmark's, both count the same.
 */
final class FiguresTopology {

    static final String ENROLLMENTS = "enrollments";
    static final String TOTAL = "total";
    static final String BY_COURSE = "byCourse";
    static final String BY_PAYMENT = "byPayment";
    static final String BY_SHIFT = "byShift";
    static final String BY_SEX = "bySex";
    static final String BY_FINANCIALLY_RESPONSIBLE = "byFinanciallyResponsible";
    static final String AGE_HISTOGRAM = "ageHistogram";
    static final String COURSE_BY_SHIFT = "courseByShift";
    /** The one key of the total's store. */
    static final String ALL = "all";

    /** A missing or null field is a bad record, not an enrollment with no course. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    /** The key of the course-by-shift counts. */
    record CourseShift(String course, String shift) {
    }

    private FiguresTopology() {
    }

    static void build(StreamsBuilder builder) {
        KTable<String, Enrollment> enrollments = builder.table(Enrollment.TOPIC,
                Consumed.with(Serdes.String(), json(Enrollment.class)),
                Materialized.<String, Enrollment, KeyValueStore<Bytes, byte[]>>as(ENROLLMENTS));
        count(enrollments, TOTAL, enrollment -> ALL, Serdes.String());
        count(enrollments, BY_COURSE, Enrollment::course, Serdes.String());
        count(enrollments, BY_PAYMENT, Enrollment::payment, Serdes.String());
        count(enrollments, BY_SHIFT, Enrollment::shift, Serdes.String());
        count(enrollments, BY_SEX, Enrollment::sex, Serdes.String());
        count(enrollments, BY_FINANCIALLY_RESPONSIBLE, Enrollment::financiallyResponsible, Serdes.String());
        count(enrollments, AGE_HISTOGRAM, FiguresTopology::ageBand, Serdes.String());
        count(enrollments, COURSE_BY_SHIFT, enrollment -> new CourseShift(enrollment.course(), enrollment.shift()),
                json(CourseShift.class));
    }

    /** Five-year bands, labelled as the dashboard labels them ("15-19"). */
    static String ageBand(Enrollment enrollment) {
        int from = enrollment.age() - enrollment.age() % 5;
        return from + "-" + (from + 4);
    }

    /** Enrollments by {@code figure} in the store of that name; only the id travels through the repartition topic. */
    private static <K> void count(KTable<String, Enrollment> enrollments, String store, Function<Enrollment, K> figure,
            Serde<K> keySerde) {
        enrollments.groupBy((id, enrollment) -> KeyValue.pair(figure.apply(enrollment), id), Grouped.with(store, keySerde, Serdes.String()))
                .count(Materialized.<K, Long, KeyValueStore<Bytes, byte[]>>as(store).withKeySerde(keySerde));
    }

    /** A null value stays null both ways: the tombstones of the table. */
    static <T> Serde<T> json(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, type));
    }
}

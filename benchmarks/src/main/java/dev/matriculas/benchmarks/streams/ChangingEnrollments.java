package dev.matriculas.benchmarks.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.contract.Enrollment;
import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated enrollments with the changes a real topic holds: every {@value #UPDATE_EVERY}th record is a new
 * version of an earlier id (other course, shift, age...), every {@value #TOMBSTONE_EVERY}th a tombstone of one.
 * Both readers must then move counts from an id's old values to its new ones and drop the deleted ids.
 */
final class ChangingEnrollments {

    static final int UPDATE_EVERY = 20;
    static final int TOMBSTONE_EVERY = 50;

    private final JsonMapper json = JsonMapper.builder().build();
    private final EnrollmentGenerator generator = Bench.generator();
    private final Random random = new Random(42);
    private final List<String> ids = new ArrayList<>();
    private final Set<String> current = new HashSet<>();

    /** Fills the topic with {@code records} records and answers how many ids are current after them. */
    static int fill(LocalKafka kafka, int records) throws Exception {
        ChangingEnrollments enrollments = new ChangingEnrollments();
        Bench.fill(kafka, records, enrollments::record);
        return enrollments.current.size();
    }

    private ProducerRecord<byte[], byte[]> record(int index) {
        Enrollment next = generator.next();
        if (index > 0 && index % TOMBSTONE_EVERY == 0) {
            String id = earlierId();
            current.remove(id);
            return record(id, null);
        }
        if (index > 0 && index % UPDATE_EVERY == 0) {
            String id = earlierId();
            current.add(id);
            return record(id, new Enrollment(id, next.course(), next.shift(), next.durationSemesters(), next.courseStart(),
                    next.age(), next.sex(), next.financiallyResponsible(), next.payment(), next.enrollmentDate()));
        }
        ids.add(next.id());
        current.add(next.id());
        return record(next.id(), next);
    }

    private String earlierId() {
        return ids.get(random.nextInt(ids.size()));
    }

    private ProducerRecord<byte[], byte[]> record(String id, Enrollment enrollment) {
        return new ProducerRecord<>(Enrollment.TOPIC, id.getBytes(StandardCharsets.UTF_8),
                enrollment == null ? null : json.writeValueAsBytes(enrollment));
    }
}

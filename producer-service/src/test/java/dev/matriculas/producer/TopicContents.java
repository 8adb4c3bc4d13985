package dev.matriculas.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.contract.EnrollmentSchema;
import dev.matriculas.testkafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Everything on the enrollment topic, read from the start with a plain consumer, as any client would. */
public final class TopicContents {

    private TopicContents() {
    }

    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers) {
        return TopicRecords.readAll(bootstrapServers, Enrollment.TOPIC);
    }

    /**
     * The topic holds every one of these enrollments exactly once, as made (read by the dashboard's parser),
     * each valid by the schema, and nothing else.
     */
    public static void assertHoldsEachExactlyOnce(String bootstrapServers, Map<String, Enrollment> made) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll(bootstrapServers);
        EnrollmentParser parser = new EnrollmentParser();
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Enrollment read = parser.parse(record.key(), record.value());
            ids.add(read.id());
            if (!read.equals(made.get(read.id()))) {
                wrong.add(read + " was not made as such");
            }
            if (!EnrollmentSchema.violations(record.value()).isEmpty()) {
                wrong.add(read + " breaks the schema: " + EnrollmentSchema.violations(record.value()));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(records).as("records in the topic").hasSize(made.size());
        assertThat(ids).as("distinct ids in the topic").hasSize(made.size());
    }
}

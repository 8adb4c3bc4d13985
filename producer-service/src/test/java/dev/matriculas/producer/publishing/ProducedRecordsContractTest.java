package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.contract.EnrollmentSchema;
import dev.matriculas.producer.RunningProducerTest;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Every record the producer makes, serialised as its Kafka producer serialises it, keeps the published
 * contract: it validates against {@code enrollment.schema.json} and the dashboard's parser reads it back
 * to the same enrollment.
 */
@RunningProducerTest
class ProducedRecordsContractTest {

    @Autowired
    EnrollmentGenerator generator;

    @Autowired
    ProducerFactory<String, Enrollment> producerFactory;

    @Test
    void everyProducedRecordKeepsTheContract() throws Exception {
        Serializer<String> keys = configured(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, true);
        Serializer<Enrollment> values = configured(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, false);
        EnrollmentParser parser = new EnrollmentParser();
        List<String> broken = new ArrayList<>();

        for (int i = 0; i < 100_000; i++) {
            Enrollment made = generator.next();
            byte[] key = keys.serialize(Enrollment.TOPIC, made.id());
            byte[] value = values.serialize(Enrollment.TOPIC, made);

            List<String> violations = EnrollmentSchema.violations(value);
            if (!violations.isEmpty()) {
                broken.add(new String(value, StandardCharsets.UTF_8) + " breaks the schema: " + violations);
            }
            Enrollment read = parser.parse(key, value);
            if (!read.equals(made)) {
                broken.add(made + " was read back as " + read);
            }
        }

        assertThat(broken).isEmpty();
    }

    /** The serializer the Kafka producer builds from the service's configuration, configured as it does. */
    @SuppressWarnings("unchecked")
    private <T> Serializer<T> configured(String setting, boolean isKey) throws ClassNotFoundException {
        Map<String, Object> config = producerFactory.getConfigurationProperties();
        Object type = config.get(setting);
        Serializer<T> serializer = type instanceof Class<?> c
                ? Utils.newInstance(c, Serializer.class)
                : Utils.newInstance((String) type, Serializer.class);
        serializer.configure(config, isKey);
        return serializer;
    }
}

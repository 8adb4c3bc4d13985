package dev.matriculas.producer.publishing;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import dev.matriculas.producer.generator.GeneratorProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's generator, remembering every record it makes so a test can look for each one in Kafka. */
class RecordingGenerator extends EnrollmentGenerator {

    final Map<String, Enrollment> made = new ConcurrentHashMap<>();

    RecordingGenerator(GeneratorProperties properties, Clock clock) {
        super(properties, clock);
    }

    @Override
    public synchronized Enrollment next() {
        Enrollment enrollment = super.next();
        made.put(enrollment.id(), enrollment);
        return enrollment;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InService {

        @Bean
        @Primary
        RecordingGenerator recordingGenerator(GeneratorProperties properties, Clock clock) {
            return new RecordingGenerator(properties, clock);
        }
    }
}

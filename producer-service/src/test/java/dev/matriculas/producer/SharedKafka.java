package dev.matriculas.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.matriculas.localkafka.LocalKafka;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real broker for the tests that need a running Kafka but not one of their own: started on first use,
 * on free ports, and stopped when the test JVM ends. Points the application context at it.
 */
public final class SharedKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static LocalKafka kafka;

    public static synchronized LocalKafka broker() {
        if (kafka == null) {
            try {
                Files.createDirectories(Path.of("target"));
                kafka = LocalKafka.onFreePorts(Files.createTempDirectory(Path.of("target"), "shared-kafka")).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "shared-kafka-stop"));
        }
        return kafka;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.kafka.bootstrap-servers=" + broker().bootstrapServers()).applyTo(context);
    }
}

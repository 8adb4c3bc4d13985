package dev.matriculas.localkafka;

import java.nio.file.Path;

/**
 * Runs the broker until the process is stopped. Settings come from the environment:
 * {@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT} (9093), {@code KAFKA_DATA_DIR} (.local-kafka).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: this module's quiet logging setup must not leak into services that
        // depend on the library for their tests, so it is not named logback.xml.
        System.setProperty("logback.configurationFile", "local-kafka-logback.xml");
        LocalKafka kafka;
        try {
            kafka = new LocalKafka(
                    intSetting("KAFKA_PORT", 9092),
                    intSetting("KAFKA_CONTROLLER_PORT", 9093),
                    Path.of(System.getenv().getOrDefault("KAFKA_DATA_DIR", ".local-kafka")));
            kafka.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("local-kafka: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "local-kafka-shutdown"));
    }

    private static int intSetting(String name, int defaultValue) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }
}

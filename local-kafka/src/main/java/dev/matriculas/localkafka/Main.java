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
            int port = portSetting("KAFKA_PORT", 9092);
            int controllerPort = portSetting("KAFKA_CONTROLLER_PORT", 9093);
            if (port == controllerPort) {
                throw new IllegalArgumentException("KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ, both are " + port);
            }
            kafka = new LocalKafka(port, controllerPort, Path.of(System.getenv().getOrDefault("KAFKA_DATA_DIR", ".local-kafka")));
        } catch (IllegalArgumentException e) {
            System.err.println("local-kafka: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Before starting: whatever part of the broker a failed start left running is stopped on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "local-kafka-shutdown"));
        try {
            kafka.start();
        } catch (IllegalStateException e) {
            // A port in use or an unusable data folder, said in words a user can act on.
            System.err.println("local-kafka: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("local-kafka: Kafka did not start: " + e);
            System.exit(1);
        }
    }

    private static int portSetting(String name, int defaultValue) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Said below, with the setting's name.
        }
        throw new IllegalArgumentException(name + " must be a port number (1..65535), got '" + value + "'");
    }
}

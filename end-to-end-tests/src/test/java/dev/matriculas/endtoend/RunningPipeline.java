package dev.matriculas.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.matriculas.localkafka.LocalKafka;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real broker with the services as separate processes around it, started once for a test class and
 * stopped after it: {@code @RegisterExtension static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(50);}
 */
final class RunningPipeline implements BeforeAllCallback, AfterAllCallback {

    /** Producer rate, or 0 for a dashboard alone (records are then produced by the test). */
    private final int producerRate;
    private final Map<String, String> dashboardEnvironment;
    private Path kafkaData;
    private LocalKafka kafka;
    private ServiceProcess producer;
    private ServiceProcess dashboard;

    private RunningPipeline(int producerRate, Map<String, String> dashboardEnvironment) {
        this.producerRate = producerRate;
        this.dashboardEnvironment = dashboardEnvironment;
    }

    static RunningPipeline producingPerSecond(int rate) {
        return new RunningPipeline(rate, Map.of());
    }

    static RunningPipeline dashboardAlone() {
        return new RunningPipeline(0, Map.of());
    }

    /** The same, with these settings for the dashboard. */
    RunningPipeline withDashboard(Map<String, String> environment) {
        return new RunningPipeline(producerRate, environment);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        kafkaData = Files.createTempDirectory("end-to-end-kafka");
        kafka = LocalKafka.onFreePorts(kafkaData).start();
        if (producerRate > 0) {
            producer = ServiceProcess.producer(kafka.bootstrapServers(),
                    Map.of("PRODUCER_RATE_PER_SECOND", Integer.toString(producerRate))).start();
        }
        dashboard = ServiceProcess.dashboard(kafka.bootstrapServers(), dashboardEnvironment).start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        for (AutoCloseable closeable : new AutoCloseable[] {dashboard, producer, kafka}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
        try (Stream<Path> files = Files.walk(kafkaData)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    LocalKafka kafka() {
        return kafka;
    }

    ServiceProcess producer() {
        return producer;
    }

    ServiceProcess dashboard() {
        return dashboard;
    }
}

package dev.matriculas.endtoend;

import java.util.Map;

import dev.matriculas.testkafka.EnrollmentTopics;
import dev.matriculas.testkafka.TestBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The services as separate processes around a real broker, started once for a test class and stopped after it:
 * {@code @RegisterExtension static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(50);}
 * The broker is the run's shared one, its topics made anew for the class, since the services count the whole
 * topic; a class that stops the broker asks for one of its own.
 */
final class RunningPipeline implements BeforeAllCallback, AfterAllCallback {

    /** Producer rate, or 0 for a dashboard alone (records are then produced by the test). */
    private final int producerRate;
    private final Map<String, String> dashboardEnvironment;
    private final boolean ownBroker;
    private TestBroker kafka;
    private ServiceProcess producer;
    private ServiceProcess dashboard;

    private RunningPipeline(int producerRate, Map<String, String> dashboardEnvironment, boolean ownBroker) {
        this.producerRate = producerRate;
        this.dashboardEnvironment = dashboardEnvironment;
        this.ownBroker = ownBroker;
    }

    static RunningPipeline producingPerSecond(int rate) {
        return new RunningPipeline(rate, Map.of(), false);
    }

    static RunningPipeline dashboardAlone() {
        return new RunningPipeline(0, Map.of(), false);
    }

    /** The same, with these settings for the dashboard. */
    RunningPipeline withDashboard(Map<String, String> environment) {
        return new RunningPipeline(producerRate, environment, ownBroker);
    }

    /** The same, on a broker of the class's own, which it may stop and start. */
    RunningPipeline withOwnBroker() {
        return new RunningPipeline(producerRate, dashboardEnvironment, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ownBroker) {
            kafka = TestBroker.own().start();
        } else {
            kafka = TestBroker.shared();
            EnrollmentTopics.recreate(kafka);
        }
        if (producerRate > 0) {
            producer = ServiceProcess.producer(kafka.bootstrapServers(),
                    Map.of("PRODUCER_RATE_PER_SECOND", Integer.toString(producerRate))).start();
        }
        dashboard = ServiceProcess.dashboard(kafka.bootstrapServers(), dashboardEnvironment).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable closeable : new AutoCloseable[] {dashboard, producer, ownBroker ? kafka : null}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
    }

    TestBroker kafka() {
        return kafka;
    }

    ServiceProcess producer() {
        return producer;
    }

    ServiceProcess dashboard() {
        return dashboard;
    }
}

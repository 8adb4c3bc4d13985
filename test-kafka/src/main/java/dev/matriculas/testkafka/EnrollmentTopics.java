package dev.matriculas.testkafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The enrollment topic and its dead-letter topic as the services declare them ({@link Topics#DEFAULTS}). The
 * services read and write these fixed names, so a class that needs them empty on the shared broker has them made
 * anew before its services start.
 */
public final class EnrollmentTopics {

    private static final Set<String> NAMES = Set.of(Enrollment.TOPIC, Enrollment.DEAD_LETTER_TOPIC);

    private EnrollmentTopics() {
    }

    public static void createIfMissing(TestBroker broker) {
        try (Admin admin = admin(broker)) {
            for (var created : admin.createTopics(List.of(Topics.DEFAULTS.enrollments(), Topics.DEFAULTS.deadLetters()))
                    .values().values()) {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create the topics " + NAMES, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics " + NAMES + " within 30 s", e);
        }
    }

    /** Deleted, with every record, and created again; nothing may be writing to them meanwhile. */
    public static void recreate(TestBroker broker) {
        try (Admin admin = admin(broker)) {
            admin.deleteTopics(existing(admin)).all().get(30, TimeUnit.SECONDS);
            await("topics " + NAMES + " deleted").atMost(Duration.ofSeconds(30)).until(() -> existing(admin).isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not delete the topics " + NAMES, e);
        }
        createIfMissing(broker);
    }

    private static List<String> existing(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(NAMES::contains).toList();
    }

    private static Admin admin(TestBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}

package dev.matriculas.endtoend;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/** What the resilience tests read from the running services, and how they stop what they started. */
final class RunningServices {

    private RunningServices() {
    }

    /** Pauses the producer and answers how many enrollments Kafka acknowledged once none is in flight. */
    static long acknowledgedOncePaused(ServiceProcess producer) {
        producer.post("/api/producer/pause");
        await("producer has no record in flight").atMost(Duration.ofSeconds(120))
                .until(() -> producer.get("/api/producer").path("pending").asLong() == 0);
        return producer.get("/api/producer").path("sent").asLong();
    }

    static long total(ServiceProcess dashboard) {
        return dashboard.get("/api/summary").path("totalEnrollments").asLong();
    }

    static String health(ServiceProcess service) {
        try {
            return service.get("/actuator/health").path("status").asString();
        } catch (RuntimeException e) {
            return "NO ANSWER: " + e.getMessage();
        }
    }

    static long metric(ServiceProcess service, String name) {
        return service.get("/actuator/metrics/" + name).path("measurements").get(0).path("value").asLong();
    }

    static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts.values()) {
            total += count.asLong();
        }
        return total;
    }
}

package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.matriculas.producer.RunningProducerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a Prometheus server scraping {@code /actuator/prometheus} sees of the publishing. */
@RunningProducerTest
class ProducerMetricsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Test
    void prometheusShowsRecordsSentFailedPendingAndTheSendLatency() throws Exception {
        mvc.post().uri("/api/producer/burst?count=300").exchange();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> status().path("burstRemaining").asLong() == 0 && status().path("pending").asLong() == 0);
        long sent = status().path("sent").asLong();

        String scrape = mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();

        assertThat(sample(scrape, "enrollments_published_total\\{[^}]*outcome=\"sent\"[^}]*\\}"))
                .isEqualTo(sent).isGreaterThanOrEqualTo(300);
        assertThat(sample(scrape, "enrollments_published_total\\{[^}]*outcome=\"failed\"[^}]*\\}")).isZero();
        assertThat(sample(scrape, "enrollments_pending(\\{[^}]*\\})?")).isZero();
        assertThat(sample(scrape, "enrollments_publish_latency_seconds_count(\\{[^}]*\\})?")).isEqualTo(sent);
        assertThat(scrape).containsPattern("enrollments_publish_latency_seconds_bucket\\{[^}]*le=\"[0-9.]+\"");
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(mvc.get().uri("/api/producer").exchange().getResponse().getContentAsString());
    }

    private static long sample(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (?<value>[0-9.E+-]+)$").matcher(scrape);
        assertThat(matcher.find()).as("series %s in%n%s", series, scrape).isTrue();
        return (long) Double.parseDouble(matcher.group("value"));
    }
}

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

/** What a Prometheus server scraping {@code /actuator/prometheus} sees of the publishing. */
@RunningProducerTest
class ProducerMetricsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PublishingLoop loop;

    @Autowired
    EnrollmentPublisher publisher;

    @Test
    void prometheusShowsRecordsSentFailedPendingAndTheSendLatency() throws Exception {
        loop.burst(300);
        await().atMost(Duration.ofSeconds(60)).until(() -> loop.burstRemaining() == 0 && publisher.pending() == 0);

        String scrape = mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();

        assertThat(sample(scrape, "enrollments_published_total\\{[^}]*outcome=\"sent\"[^}]*\\}"))
                .isEqualTo(publisher.sent()).isGreaterThanOrEqualTo(300);
        assertThat(sample(scrape, "enrollments_published_total\\{[^}]*outcome=\"failed\"[^}]*\\}")).isZero();
        assertThat(sample(scrape, "enrollments_pending(\\{[^}]*\\})?")).isZero();
        assertThat(sample(scrape, "enrollments_publish_latency_seconds_count(\\{[^}]*\\})?")).isEqualTo(publisher.sent());
        assertThat(scrape).containsPattern("enrollments_publish_latency_seconds_bucket\\{[^}]*le=\"[0-9.]+\"");
    }

    private static long sample(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (?<value>[0-9.E+-]+)$").matcher(scrape);
        assertThat(matcher.find()).as("series %s in%n%s", series, scrape).isTrue();
        return (long) Double.parseDouble(matcher.group("value"));
    }
}

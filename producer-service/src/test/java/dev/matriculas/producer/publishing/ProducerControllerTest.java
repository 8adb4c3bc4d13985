package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import dev.matriculas.producer.RunningProducerTest;
import dev.matriculas.producer.TopicContents;
import dev.matriculas.testkafka.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The control API as an operator uses it, against a real broker. */
@RunningProducerTest
@ExtendWith(OutputCaptureExtension.class)
class ProducerControllerTest {

    private static final Pattern PROGRESS_LINE = Pattern.compile("(\\d+) enrollments sent \\(");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PublishingLoop loop;

    @Autowired
    EnrollmentPublisher publisher;

    @AfterEach
    void backToPausedAtTheDefaultRate() {
        loop.pause();
        loop.setRatePerSecond(1);
    }

    @Test
    void statusTellsWhatWasSentAndHowTheProducerIsSet() {
        long sent = settledSentCount();
        mvc.post().uri("/api/producer/burst?count=7").exchange();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.sent() == sent + 7 && publisher.pending() == 0);
        loop.setRatePerSecond(3);

        MvcTestResult status = mvc.get().uri("/api/producer").exchange();

        assertThat(status).hasStatusOk().bodyJson().extractingPath("$.sent").convertTo(Long.class).isEqualTo(sent + 7);
        assertThat(status).bodyJson()
                .hasPathSatisfying("$.failed", value -> assertThat(value).asNumber().isEqualTo(0))
                .hasPathSatisfying("$.pending", value -> assertThat(value).asNumber().isEqualTo(0))
                .hasPathSatisfying("$.ratePerSecond", value -> assertThat(value).asNumber().isEqualTo(3))
                .hasPathSatisfying("$.paused", value -> assertThat(value).isEqualTo(true))
                .hasPathSatisfying("$.burstRemaining", value -> assertThat(value).asNumber().isEqualTo(0))
                .hasPathSatisfying("$.kafkaReachable", value -> assertThat(value).isEqualTo(true));
    }

    @Test
    void setsTheRateWithinItsRange() {
        assertThat(mvc.put().uri("/api/producer/rate?perSecond=250")).hasStatusOk().bodyJson()
                .extractingPath("$.ratePerSecond").asNumber().isEqualTo(250);
        assertThat(mvc.put().uri("/api/producer/rate?perSecond=50000")).hasStatusOk();
        assertThat(mvc.put().uri("/api/producer/rate?perSecond=1")).hasStatusOk();

        assertThat(loop.ratePerSecond()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"perSecond=0", "perSecond=-5", "perSecond=50001", "perSecond=abc", "perSecond=2.5",
            "perSecond=99999999999", "perSecond=", "other=3", ""})
    void refusesABadRateSayingTheAllowedRangeAndChangesNothing(String query) {
        loop.setRatePerSecond(7);

        MvcTestResult result = mvc.put().uri("/api/producer/rate?" + query).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString()
                .startsWith("perSecond must be a whole number from 1 to 50000");
        assertThat(loop.ratePerSecond()).isEqualTo(7);
    }

    @Test
    void pausesAndResumes() {
        assertThat(mvc.post().uri("/api/producer/resume")).hasStatusOk().bodyJson()
                .extractingPath("$.paused").isEqualTo(false);
        assertThat(loop.paused()).isFalse();

        assertThat(mvc.post().uri("/api/producer/pause")).hasStatusOk().bodyJson()
                .extractingPath("$.paused").isEqualTo(true);
        assertThat(loop.paused()).isTrue();
    }

    @Test
    void whilePausedNothingIsSent() {
        long sent = settledSentCount();

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> publisher.sent() == sent);
    }

    @Test
    void resumedItSendsAtTheRate() {
        loop.setRatePerSecond(200);
        long sent = publisher.sent();

        mvc.post().uri("/api/producer/resume").exchange();

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.sent() >= sent + 100);
    }

    @Test
    void aBurstSendsExactlyTheRecordsAskedFor(CapturedOutput output) {
        String kafka = TestBroker.shared().bootstrapServers();
        long sent = settledSentCount();
        long inTopic = TopicContents.readAll(kafka).size();

        assertThat(mvc.post().uri("/api/producer/burst?count=2500")).hasStatus(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.sent() == sent + 2500 && publisher.pending() == 0);
        assertThat(loop.burstRemaining()).isZero();
        assertThat(TopicContents.readAll(kafka)).hasSize((int) (inTopic + 2500));
        // One compact line per 100 records (producer.log-every in these tests), not one per record.
        assertThat(output.getOut().lines().map(PROGRESS_LINE::matcher).filter(Matcher::find)
                .map(line -> Long.parseLong(line.group(1))).filter(count -> count > sent))
                .containsExactlyElementsOf(LongStream.rangeClosed(sent / 100 + 1, (sent + 2500) / 100)
                        .mapToObj(step -> step * 100).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"count=0", "count=-1", "count=1000001", "count=many", "count=", ""})
    void refusesABadBurstSayingTheAllowedRangeAndSendsNothing(String query) {
        long sent = settledSentCount();

        assertThat(mvc.post().uri("/api/producer/burst?" + query)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString()
                .startsWith("count must be a whole number from 1 to 1000000");

        assertThat(loop.burstRemaining()).isZero();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> publisher.sent() == sent);
    }

    /** The sent count once the records handed over before the test are acknowledged. */
    private long settledSentCount() {
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pending() == 0);
        return publisher.sent();
    }
}

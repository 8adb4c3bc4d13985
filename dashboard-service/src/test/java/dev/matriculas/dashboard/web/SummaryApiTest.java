package dev.matriculas.dashboard.web;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.RunningDashboardTest;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.dashboard.live.SummaryStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's HTTP API as a client sees it, over a real broker. */
@RunningDashboardTest
class SummaryApiTest {

    static final TestKafka kafka = TestKafka.shared();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SummaryStream stream;

    @Autowired
    DashboardProperties properties;

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode summary(String query) throws IOException, InterruptedException {
        return json.readTree(get("/api/summary" + query).body());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long total(String course) throws IOException, InterruptedException {
        return summary("?course=" + q(course)).path("totalEnrollments").asLong();
    }

    @Test
    void summaryHasEveryFigureAndThePipelineState() throws Exception {
        kafka.send(enrollment("api-1").course("Curso API").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso API") == 1);

        JsonNode summary = summary("");

        for (String field : List.of("totalEnrollments", "updatedAt", "byCourse", "byPayment", "byShift", "shiftPercent",
                "bySex", "byFinanciallyResponsible", "ageHistogram", "courseByShift", "arrivals", "byEnrollmentDate",
                "mostCommon", "newest", "overflow", "rejected", "pipeline", "filter")) {
            assertThat(summary.has(field)).as(field).isTrue();
        }
        assertThat(summary.path("rejected").path("total").isNumber()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> summary("").path("pipeline").path("connected").asBoolean());
        assertThat(summary.path("newest").get(0).has("id_matricula")).isTrue();
    }

    @Test
    void filtersAreQueryParametersAndCombine() throws Exception {
        kafka.send(enrollment("f-1").course("Curso Filtro").shift("Noite").sex("Feminino").build());
        kafka.send(enrollment("f-2").course("Curso Filtro").shift("Manhã").sex("Feminino").build());
        kafka.send(enrollment("f-3").course("Curso Filtro").shift("Noite").sex("Masculino").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Filtro") == 3);

        JsonNode filtered = summary("?course=" + q("Curso Filtro") + "&shift=Noite&sex=Feminino");

        assertThat(filtered.path("totalEnrollments").asLong()).isEqualTo(1);
        assertThat(filtered.path("filter").path("shift").asString()).isEqualTo("Noite");
        assertThat(filtered.path("newest").get(0).path("id_matricula").asString()).isEqualTo("f-1");
    }

    @Test
    void eachFilteredFieldAlsoHasItsCountsUnderTheOtherFiltersOnly() throws Exception {
        kafka.send(enrollment("facet-1").course("Curso Faceta A").shift("Noite").build());
        kafka.send(enrollment("facet-2").course("Curso Faceta B").shift("Noite").build());
        kafka.send(enrollment("facet-3").course("Curso Faceta B").shift("Manhã").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso Faceta B") == 2);

        JsonNode summary = summary("?course=" + q("Curso Faceta A") + "&shift=Noite");

        assertThat(summary.path("totalEnrollments").asLong()).isEqualTo(1);
        JsonNode facets = summary.path("facets");
        assertThat(facets.path("course").path("Curso Faceta A").asInt()).isEqualTo(1);
        assertThat(facets.path("course").path("Curso Faceta B").asInt()).isEqualTo(1);
        assertThat(facets.path("shift").path("Noite").asInt()).isEqualTo(1);
        assertThat(facets.path("shift").has("Manhã")).isFalse();
        assertThat(facets.has("payment")).isFalse();
    }

    @Test
    void anOverlongFilterIsABadRequestThatSaysWhy() throws Exception {
        HttpResponse<String> response = get("/api/summary?course=" + "x".repeat(101));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("course must be at most 100 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/summary?cours=Edifica%C3%A7%C3%B5es | unknown parameter 'cours': the filters are course, shift, payment, sex",
            "/api/enrollments.csv?shift=Noite&foo=bar | unknown parameter 'foo': the filters are course, shift, payment, sex",
            "/api/stream?course=a&course=b            | course is given 2 times: give it once",
            "/api/summary?shift=Noite&lang=en         | unknown parameter 'lang': the filters are course, shift, payment, sex",
            "/api/summary?course=%FF                  | the query's %-escapes are malformed or not UTF-8",
            "/api/enrollments.csv?sex=%C3             | the query's %-escapes are malformed or not UTF-8",
    })
    void aQueryThatIsNoFilterIsABadRequestThatSaysWhy(String path, String message) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }

    @Test
    void streamSendsASummaryAtOnceThenEachChange() throws Exception {
        try (Events events = Events.open(port, "?course=" + q("Curso Stream"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> events.summaries().size() >= 1);
            assertThat(events.summaries().get(0).path("totalEnrollments").asLong()).isZero();

            kafka.send(enrollment("s-1").course("Curso Stream").build());

            await().atMost(Duration.ofSeconds(30)).until(() -> events.summaries().stream()
                    .anyMatch(summary -> summary.path("totalEnrollments").asLong() == 1));
        }
    }

    /** However fast the records are read, a page gets at most one summary per push interval while they come. */
    @Test
    void recordsComingOneByOneAreCoalescedIntoAtMostOneEventPerPushInterval() throws Exception {
        int records = 500;
        try (Events events = Events.open(port, "")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> events.summaries().size() >= 1);
            int opening = events.summaries().size();
            long before = events.summaries().get(opening - 1).path("totalEnrollments").asLong();
            long start = System.nanoTime();

            // One at a time, each acknowledged before the next: most are folded as a change of their own.
            for (int i = 0; i < records; i++) {
                kafka.send(enrollment("one-by-one-" + i).course("Curso Um a Um").build());
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> events.summaries().stream()
                    .anyMatch(summary -> summary.path("totalEnrollments").asLong() == before + records));
            int intervals = (int) ((System.nanoTime() - start) / properties.pushInterval().toNanos());
            // One at the leading edge of each interval, and the last change's; an update of the state before the
            // first record, still on its way when the records were sent, is no push of theirs.
            long pushes = events.summaries().stream().skip(opening)
                    .filter(summary -> summary.path("totalEnrollments").asLong() > before).count();
            assertThat(pushes).isPositive().isLessThanOrEqualTo(intervals + 2);
        }
    }

    @Test
    void quietStreamsGetAHeartbeat() throws Exception {
        try (Events events = Events.open(port, "")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.lines().contains(":keep-alive"));
        }
    }

    /**
     * Browsers leave without a word (a tab closed, a laptop shut): the container may end such a stream while a
     * heartbeat is being written to it.
     */
    @Test
    void streamsLeftByTheirBrowsersAreForgottenWithoutAWriterFailing() throws Exception {
        List<Throwable> writerFailures = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> writerFailures.add(error));
        try {
            for (int i = 0; i < 40; i++) {
                HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/stream")).build(), HttpResponse.BodyHandlers.ofLines());
                assertThat(response.statusCode()).isEqualTo(200);
                // Left unread and closed: the connection goes, as when a tab is closed.
                response.body().close();
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> stream.clients() == 0);
            // Two more heartbeats, for a write that was under way as its stream ended.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(writerFailures::isEmpty);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void csvHasEveryCurrentEnrollmentAndDefusesFormulas() throws Exception {
        kafka.send(enrollment("csv-1").course("=HYPERLINK(\"x\")").build());
        kafka.send(enrollment("csv-2").course("Curso, com \"aspas\"").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Curso, com \"aspas\"") == 1);

        HttpResponse<String> response = get("/api/enrollments.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).startsWith("id_matricula,ds_curso_nome,");
        assertThat(lines).anyMatch(line -> line.startsWith("\"csv-1\",\"'=HYPERLINK(\"\"x\"\")\","));
        assertThat(lines).anyMatch(line -> line.startsWith("\"csv-2\",\"Curso, com \"\"aspas\"\"\","));
        assertThat(lines).hasSize(1 + (int) summary("").path("totalEnrollments").asLong());
    }

    @Test
    void csvOfAFilterHasTheEnrollmentsOfThatSubset() throws Exception {
        kafka.send(enrollment("csv-f1").course("Curso CSV").shift("Noite").build());
        kafka.send(enrollment("csv-f2").course("Curso CSV").shift("Manhã").build());
        kafka.send(enrollment("csv-f3").course("Outro curso CSV").shift("Noite").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> total("Outro curso CSV") == 1 && total("Curso CSV") == 2);

        List<String> lines = get("/api/enrollments.csv?course=" + q("Curso CSV") + "&shift=Noite").body().lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("\"csv-f1\",\"Curso CSV\",\"Noite\",");
    }

    /** A live stream read line by line in the background, as a browser's EventSource would. */
    static final class Events implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private Events(int port, String query) {
            response = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream" + query))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        }

        static Events open(int port, String query) {
            return new Events(port, query);
        }

        List<String> lines() {
            return lines;
        }

        List<JsonNode> summaries() {
            return lines.stream().filter(line -> line.startsWith("data:"))
                    .map(line -> json.readTree(line.substring(5))).toList();
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
        }
    }
}

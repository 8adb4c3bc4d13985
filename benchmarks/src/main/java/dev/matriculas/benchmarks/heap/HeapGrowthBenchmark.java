package dev.matriculas.benchmarks.heap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.benchmarks.DashboardProcess;
import dev.matriculas.contract.Enrollment;
import dev.matriculas.localkafka.LocalKafka;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How much the dashboard's heap grows, after a full collection, under the two loads that would leak if it kept
 * what it should let go: crowds of live streams dropped without a goodbye (a TCP reset), round after round, and
 * a flood of records each naming a course never seen before (the category maps are capped). The dashboard runs
 * from its runnable jar with the heap the end-to-end tests give it; each figure is set beside its budget.
 *
 * <p>Arguments: dashboard jar, clients a round (1000), rounds (3), records in the flood (50000).
 */
public final class HeapGrowthBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long STREAMS_BUDGET = 48L << 20;
    private static final long FLOOD_BUDGET = 64L << 20;

    private HeapGrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int records = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        try (LocalKafka kafka = Bench.kafka();
                DashboardProcess dashboard = DashboardProcess.launch(kafka.bootstrapServers(), Path.of("."),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString()))) {
            dashboard.java().waitFor(() -> dashboard.summary() != null);
            Bench.header("Dashboard heap growth after a full collection (384 MB heap)");
            droppedStreams(dashboard, clients, rounds);
            flood(dashboard, kafka, records);
        }
        System.exit(0);
    }

    private static void droppedStreams(DashboardProcess dashboard, int clients, int rounds) throws Exception {
        long before = dashboard.java().heapAfterGc();
        ExecutorService connectors = Executors.newFixedThreadPool(32);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<Socket>> opening = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    opening.add(connectors.submit(() -> openStream(dashboard)));
                }
                List<Socket> crowd = new ArrayList<>();
                for (Future<Socket> socket : opening) {
                    crowd.add(socket.get());
                }
                for (Socket socket : crowd) {
                    socket.setSoLinger(true, 0); // close sends a reset, as a crashed browser would
                    socket.close();
                }
                dashboard.java().waitFor(() -> openStreams(dashboard) == 0);
            }
        } finally {
            connectors.shutdownNow();
        }
        Bench.print(String.format(Locale.ROOT, "%d rounds of %,d streams reset (budget %s)", rounds, clients,
                megabytes(STREAMS_BUDGET)), megabytes(dashboard.java().heapAfterGc() - before));
    }

    private static void flood(DashboardProcess dashboard, LocalKafka kafka, int records) throws Exception {
        long before = dashboard.java().heapAfterGc();
        Bench.fill(kafka, records, i -> {
            String id = UUID.randomUUID().toString();
            return new ProducerRecord<>(Enrollment.TOPIC, id.getBytes(StandardCharsets.UTF_8),
                    enrollment(id, "Curso inventado nº " + i).getBytes(StandardCharsets.UTF_8));
        });
        dashboard.java().waitFor(() -> {
            JsonNode summary = dashboard.summary();
            return summary != null && summary.path("totalEnrollments").asLong() == records;
        });
        Bench.print(String.format(Locale.ROOT, "%,d records, each a new course (budget %s)", records,
                megabytes(FLOOD_BUDGET)), megabytes(dashboard.java().heapAfterGc() - before));
    }

    /** Opens a stream as a browser does and reads until its first summary. */
    private static Socket openStream(DashboardProcess dashboard) {
        try {
            Socket socket = new Socket(dashboard.base().getHost(), dashboard.base().getPort());
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("event:summary"));
            if (line == null) {
                throw new IllegalStateException("a stream closed before its first summary");
            }
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long openStreams(DashboardProcess dashboard) {
        try {
            String body = DashboardProcess.HTTP.send(HttpRequest.newBuilder(
                    dashboard.base().resolve("/actuator/metrics/dashboard.stream.clients")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return JSON.readTree(body).path("measurements").get(0).path("value").asLong();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enrollment(String id, String course) {
        return """
                {"id_matricula":"%s","ds_curso_nome":"%s","ds_curso_turno":"Noite","ds_curso_duracao":4,\
                "ds_curso_inicio":"2024-02-01","ds_aluno_idade":21,"ds_aluno_sexo":"Feminino",\
                "ds_aluno_responsavel_financeiro":"Sim","ds_matricula_pagamento":"Boleto","dt_matricula":"2024-01-15"}\
                """.formatted(id, course);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}

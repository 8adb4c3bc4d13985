package dev.matriculas.benchmarks.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.benchmarks.DashboardProcess;
import dev.matriculas.localkafka.LocalKafka;

/**
 * The dashboard's time from launch to its first {@code /api/summary} answer: as the runnable jar, extracted,
 * and extracted with a class data sharing archive from a training run, as Spring Boot's reference describes
 * it and the image does it. The median of a few launches of each, in turns, so load on the machine falls on
 * all three alike.
 * <p>Arguments: dashboard jar, records on the topic (100000), launches of each (3).
 */
public final class StartUpBenchmark {

    private static final String HEAP = "-Xmx512m";
    private static final String ARCHIVE = "app.jsa";

    private StartUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int launches = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (LocalKafka kafka = Bench.kafka()) {
            Bench.fill(kafka, records);
            Path extracted = Bench.tempDir("bench-extracted");
            run(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()));
            String application = jar.getFileName().toString();
            long training = System.nanoTime();
            try (DashboardProcess run = DashboardProcess.launch(kafka.bootstrapServers(), extracted, List.of(HEAP,
                    "-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Dspring.context.exit=onRefresh", "-jar", application))) {
                if (run.java().exitCode() != 0 || !Files.exists(extracted.resolve(ARCHIVE))) {
                    throw new IllegalStateException("the training run made no class data sharing archive");
                }
            }
            training = System.nanoTime() - training;

            Path here = Path.of(".");
            List<Long> fromJar = new ArrayList<>();
            List<Long> fromExtracted = new ArrayList<>();
            List<Long> withArchive = new ArrayList<>();
            for (int i = 0; i < launches; i++) {
                fromJar.add(firstAnswer(kafka, here, List.of(HEAP, "-jar", jar.toString())));
                fromExtracted.add(firstAnswer(kafka, extracted, List.of(HEAP, "-jar", application)));
                withArchive.add(firstAnswer(kafka, extracted,
                        List.of(HEAP, "-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-jar", application)));
                System.out.printf(Locale.ROOT, "launch %d: runnable jar %s, extracted %s, with archive %s%n", i + 1,
                        seconds(fromJar.get(i)), seconds(fromExtracted.get(i)), seconds(withArchive.get(i)));
            }
            Bench.header(String.format(Locale.ROOT, "Dashboard start-up, launch to first /api/summary answer (%s, "
                    + "topic holding %,d enrollments, median of %d launches)", HEAP, records, launches));
            Bench.print("runnable jar (java -jar)", seconds(median(fromJar)));
            Bench.print("extracted (java -Djarmode=tools ... extract)", seconds(median(fromExtracted)));
            Bench.print("extracted, with class data sharing archive", seconds(median(withArchive)));
            Bench.print("with archive / runnable jar (target at most 60 %)",
                    String.format(Locale.ROOT, "%.0f %%", 100.0 * median(withArchive) / median(fromJar)));
            Bench.print("training run (once, at image build)", seconds(training));
            Bench.print("archive size", String.format(Locale.ROOT, "%.0f MB",
                    Files.size(extracted.resolve(ARCHIVE)) / 1048576.0));
        }
        System.exit(0);
    }

    private static long firstAnswer(LocalKafka kafka, Path directory, List<String> options) throws Exception {
        try (DashboardProcess dashboard = DashboardProcess.launch(kafka.bootstrapServers(), directory, options)) {
            dashboard.java().waitFor(() -> dashboard.summary() != null);
            return dashboard.java().nanosSinceLaunch();
        }
    }

    private static void run(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    private static long median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}

package dev.matriculas.benchmarks.streams;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own for each reader, as users run them, so heap and resident memory are that reader's alone
 * (the broker runs in the benchmark's JVM). Its output goes to a log file named in any failure.
 */
final class JavaProcess implements AutoCloseable {

    static final String HEAP = "-Xmx1g";
    private static final String JAVA_HOME = System.getProperty("java.home");
    /** G1's and Parallel's {@code GC.heap_info} both start with the heap's "used NNNK". */
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java HEAP <arguments>} with {@code environment} added to this JVM's. */
    static JavaProcess start(String name, Map<String, String> environment, String... arguments) throws IOException {
        Path log = Files.createTempFile("bench-" + name, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), HEAP));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new JavaProcess(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Heap in use right after a full collection, in bytes. */
    long heapAfterGc() throws Exception {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info named no used heap");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Resident memory: the heap and what lives outside it (RocksDB's caches and tables, say), in bytes. */
    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(JAVA_HOME, "bin", "jcmd").toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

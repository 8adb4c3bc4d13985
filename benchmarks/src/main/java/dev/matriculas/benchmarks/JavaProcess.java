package dev.matriculas.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own, as users run the services, so heap and resident memory are that program's alone (the broker
 * runs in the benchmark's JVM). Its output goes to a log file named in any failure.
 */
public final class JavaProcess implements AutoCloseable {

    private static final String JAVA_HOME = System.getProperty("java.home");
    /** G1's and Parallel's {@code GC.heap_info} both start with the heap's "used NNNK". */
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path log;
    private final long launchedNanos;

    private JavaProcess(Process process, Path log, long launchedNanos) {
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /** Starts {@code java <arguments>} in {@code directory} with {@code environment} added to this JVM's. */
    public static JavaProcess start(String name, Path directory, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Path log = Files.createTempFile("bench-" + name, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new JavaProcess(process, log, launched);
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long nanosSinceLaunch() {
        return System.nanoTime() - launchedNanos;
    }

    /** Polls every 20 ms for up to 3 minutes; the process dying or the time running out ends the benchmark. */
    public void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the process did not get there; see " + log);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** Waits for the process to end by itself (a training run), for up to 3 minutes. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the process did not exit; see " + log);
        }
        return process.exitValue();
    }

    /** Heap in use right after a full collection, in bytes. */
    public long heapAfterGc() throws Exception {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info named no used heap");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Resident memory: the heap and what lives outside it (RocksDB's caches and tables, say), in bytes. */
    public long rss() throws IOException {
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

    public static int freePort() throws IOException {
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

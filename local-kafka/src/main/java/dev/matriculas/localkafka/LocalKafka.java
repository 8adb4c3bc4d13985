package dev.matriculas.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker (KRaft, broker and controller in one process) whose log survives
 * restarts. It is what {@code run-local.sh} runs when there is no Docker, and what tests use when they
 * must stop and restart a broker on the same port and data.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private KafkaRaftServer server;

    public LocalKafka(int port, int controllerPort, Path dataDir) {
        if (port < 1 || port > 65535 || controllerPort < 1 || controllerPort > 65535 || port == controllerPort) {
            throw new IllegalArgumentException(
                    "ports must be two different numbers in 1..65535, got " + port + " and " + controllerPort);
        }
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
    }

    /** A broker on two ports that are free now, for tests that run beside anything else. */
    public static LocalKafka onFreePorts(Path dataDir) {
        // Both held open while choosing: a port closed again at once may be the next one handed out.
        try (ServerSocket broker = loopbackSocket(); ServerSocket controller = loopbackSocket()) {
            return new LocalKafka(broker.getLocalPort(), controller.getLocalPort(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static ServerSocket loopbackSocket() throws IOException {
        return new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    int controllerPort() {
        return controllerPort;
    }

    /** Formats the data folder on first use, then starts the broker; returns once it takes requests. */
    public synchronized LocalKafka start() {
        if (server != null) {
            return this;
        }
        requireFreePort(port);
        requireFreePort(controllerPort);
        Properties props = serverProperties();
        formatIfNew(props);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        log.info("Kafka is up on {} with its data in {}", bootstrapServers(), dataDir);
        return this;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker and waits until its ports are released; the data stays for the next start. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka on {} stopped", bootstrapServers());
    }

    private Properties serverProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("log").toString());
        props.put("metadata.log.dir", dataDir.resolve("metadata").toString());
        // One node: internal topics cannot have more than one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are declared by the services that use them, with their partition counts (dev.matriculas.contract.Topics).
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    private void formatIfNew(Properties props) {
        if (Files.exists(dataDir.resolve("metadata").resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "written by LocalKafka");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[] {
                    "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("could not format " + dataDir + ": " + output.toString(StandardCharsets.UTF_8));
            }
            log.info("Formatted a new Kafka data folder at {}", dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the data folder " + dataDir, e);
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new PortInUseException(port);
        }
    }

    /** Raised when a port the broker needs is taken, so callers can tell the user what to do. */
    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(int port) {
            super("port " + port + " is already in use: stop whatever listens there (for example another Kafka) and try again");
        }
    }
}

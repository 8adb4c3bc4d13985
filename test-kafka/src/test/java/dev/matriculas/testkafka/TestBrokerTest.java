package dev.matriculas.testkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.matriculas.contract.Enrollment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A broker a test stops comes back where it was, with what it had; the shared one cannot be stopped. */
@KafkaTest(ownBroker = true)
class TestBrokerTest {

    @Test
    void aStoppedBrokerRefusesConnectionsAndStartedAgainHasItsRecordsAtTheSameAddress() throws Exception {
        try (TestBroker kafka = TestBroker.own().start()) {
            String address = kafka.bootstrapServers();
            EnrollmentTopics.createIfMissing(kafka);
            send(kafka, "kept");

            kafka.stop();
            // Shut down, not frozen: nothing accepts a connection on its address.
            assertThatThrownBy(() -> connect(address)).isInstanceOf(ConnectException.class);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
                assertThatThrownBy(() -> admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS))
                        .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
            }
            kafka.start();

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            assertThat(readAll(kafka)).containsExactly("kept");
        }
    }

    @Test
    void theSharedBrokerRefusesToStop() {
        assertThatThrownBy(() -> TestBroker.shared().stop())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("TestBroker.own()");
    }

    @Test
    void recreatedTopicsAreEmpty() throws Exception {
        TestBroker kafka = TestBroker.shared();
        EnrollmentTopics.createIfMissing(kafka);
        send(kafka, "gone");

        EnrollmentTopics.recreate(kafka);

        assertThat(readAll(kafka)).isEmpty();
    }

    /** A TCP connection to {@code host:port}. */
    private static void connect(String address) throws IOException {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))), 5000);
        }
    }

    private static void send(TestBroker kafka, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Enrollment.TOPIC, value, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(TestBroker kafka) {
        return TopicRecords.readAll(kafka.bootstrapServers(), Enrollment.TOPIC).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
    }
}

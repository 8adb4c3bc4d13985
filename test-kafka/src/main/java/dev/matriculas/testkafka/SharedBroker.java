package dev.matriculas.testkafka;

/** The shared broker, which refuses to be stopped: the other classes of the run still need it. */
final class SharedBroker implements TestBroker {

    private static SharedBroker instance;

    private final TestBroker broker;

    private SharedBroker(TestBroker broker) {
        this.broker = broker;
    }

    static synchronized SharedBroker get() {
        if (instance == null) {
            TestBroker broker = BrokerChoice.chosen().newBroker().start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-stop"));
            instance = new SharedBroker(broker);
        }
        return instance;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public TestBroker start() {
        return this;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("the shared broker serves every test class of this run; "
                + "a class that stops Kafka uses TestBroker.own() and @KafkaTest(ownBroker = true)");
    }

    @Override
    public void close() {
        stop();
    }
}

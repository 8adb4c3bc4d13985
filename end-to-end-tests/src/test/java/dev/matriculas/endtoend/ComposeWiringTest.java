package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.endtoend.ComposeFile.PublishedPort;
import dev.matriculas.endtoend.ComposeFile.Service;
import dev.matriculas.endtoend.Dockerfile.Instruction;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the Dockerfile and .dockerignore are wired to each other and to what the services read: no
 * Docker engine is needed to see that every service is there, waits for what it needs, is pinned, healthy and
 * reachable. The Compose file running for real is ComposeStackTest's (-Pcompose).
 */
class ComposeWiringTest {

    private static final Set<String> RESTARTING = Set.of("always", "unless-stopped", "on-failure");
    /** An exact release: at least major.minor.patch, or a digest. */
    private static final Pattern PINNED = Pattern.compile(".+:v?\\d+\\.\\d+\\.\\d+[^:/]*|.+@sha256:[0-9a-f]{64}");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyContainerTheDesignAsksForIsThere() throws IOException {
        assertThat(compose.services().keySet())
                .containsExactlyInAnyOrder("zookeeper", "kafka", "kafka-init", "kafka-ui", "producer", "dashboard");
        for (String app : List.of("producer", "dashboard")) {
            assertThat(compose.service(app).dockerfile()).contains(ComposeFile.REPOSITORY.resolve("Dockerfile").normalize());
            assertThat(compose.service(app).buildArgs()).containsEntry("MODULE", app + "-service");
            assertThat(modulesOfTheBuild()).contains(app + "-service");
        }
    }

    /** Docker ignores a build argument the Dockerfile does not declare, without a word. */
    @Test
    void everyBuildArgumentIsOneTheDockerfileDeclares() {
        for (Service service : builtServices()) {
            List<String> declared = dockerfile(service).stages().stream().flatMap(List::stream)
                    .filter(instruction -> instruction.keyword().equals("ARG"))
                    .map(instruction -> instruction.arguments().split("=")[0].trim()).toList();
            assertThat(declared).as("ARGs of %s", service.dockerfile().orElseThrow())
                    .containsAll(service.buildArgs().keySet());
        }
    }

    @Test
    void everyImageIsPinnedToAnExactVersion() {
        List<String> images = new ArrayList<>();
        compose.services().values().forEach(service -> images.add(service.image().orElseThrow(() ->
                new AssertionError(service.name() + " has no image name, so Compose tags it 'latest'"))));
        for (Dockerfile dockerfile : dockerfiles()) {
            images.addAll(dockerfile.baseImages());
        }
        assertThat(images).allSatisfy(image -> assertThat(image)
                .as("an exact version, never 'latest' or a moving tag like '17-jre'").matches(PINNED));
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsReady() {
        assertThat(compose.service("kafka").dependsOn()).containsExactly(entry("zookeeper", "service_healthy"));
        assertThat(compose.service("kafka-init").dependsOn()).containsExactly(entry("kafka", "service_healthy"));
        assertThat(compose.service("kafka-ui").dependsOn()).containsExactly(entry("kafka", "service_healthy"));
        for (String app : List.of("producer", "dashboard")) {
            assertThat(compose.service(app).dependsOn()).containsExactly(
                    entry("kafka", "service_healthy"), entry("kafka-init", "service_completed_successfully"));
        }
        compose.services().values().forEach(service -> service.dependsOn().forEach((dependency, condition) -> {
            if (condition.equals("service_healthy")) {
                assertThat(healthcheckOf(compose.service(dependency)))
                        .as("%s waits for %s to be healthy, so it needs a health check", service.name(), dependency)
                        .isNotEmpty();
            }
        }));
    }

    @Test
    void everyLongRunningServiceReportsItsHealthAndComesBackAfterACrash() {
        Set<String> oneShot = oneShotServices();
        assertThat(oneShot).containsExactly("kafka-init");
        for (Service service : compose.services().values()) {
            if (oneShot.contains(service.name())) {
                assertThat(service.restart()).as("%s must run once, not in a loop", service.name()).isEqualTo("no");
            } else {
                assertThat(healthcheckOf(service)).as("health check of %s", service.name()).isNotEmpty();
                assertThat(service.restart()).as("restart policy of %s", service.name()).isIn(RESTARTING);
            }
        }
    }

    @Test
    void portsArePublishedAsTheReadmeSays() {
        assertThat(compose.service("dashboard").ports()).containsExactly(new PublishedPort("", "8080", 8080));
        assertThat(compose.service("kafka-ui").ports()).containsExactly(new PublishedPort("127.0.0.1", "8081", 8080));
        assertThat(compose.service("producer").ports()).containsExactly(new PublishedPort("127.0.0.1", "8082", 8082));
        assertThat(compose.service("kafka").ports()).containsExactly(new PublishedPort("127.0.0.1", "9092", 9092));
        assertThat(compose.service("zookeeper").ports()).isEmpty();
    }

    /** The service reads its port from the setting the image's health check asks, and Compose sets it to the port published. */
    @Test
    void eachServiceListensOnThePortItsContainerPublishesAndItsImageChecks() throws IOException {
        for (Service service : builtServices()) {
            String containerPort = Integer.toString(service.ports().get(0).containerPort());
            Map<String, String> args = service.buildArgs();
            assertThat(args).containsEntry("PORT", containerPort).containsKey("PORT_SETTING");
            assertThat(serverPortOf(service)).isEqualTo("${" + args.get("PORT_SETTING") + ":" + containerPort + "}");
            assertThat(service.environment()).containsEntry(args.get("PORT_SETTING"), containerPort);
        }
    }

    @Test
    void everyKafkaClientIsGivenTheAddressKafkaAdvertisesToContainers() {
        ComposeFile.KafkaListeners listeners = compose.kafkaListeners();
        assertThat(listeners.forContainers()).as("a listener advertised as kafka:<port>").isNotEmpty();
        assertThat(listeners.bound()).as("every advertised listener is bound")
                .containsOnlyKeys(listeners.advertised().keySet());

        Map<String, List<String>> addressesGiven = new LinkedHashMap<>();
        addressesGiven.put("producer", variable("producer", "KAFKA_BOOTSTRAP_SERVERS"));
        addressesGiven.put("dashboard", variable("dashboard", "KAFKA_BOOTSTRAP_SERVERS"));
        addressesGiven.put("kafka-ui", variable("kafka-ui", "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"));
        for (String name : List.of("kafka-init", "kafka")) {
            Service service = compose.service(name);
            List<String> commandLines = new ArrayList<>(service.commandLine());
            commandLines.addAll(service.healthcheck());
            addressesGiven.put(name, ComposeFile.optionValues(commandLines, "--bootstrap-server"));
        }
        addressesGiven.forEach((client, addresses) -> assertThat(addresses).as("Kafka addresses given to %s", client)
                .isNotEmpty().allMatch(listeners.forContainers()::contains));
    }

    @Test
    void toolsOnTheHostReachKafkaAtLocalhost9092() {
        ComposeFile.KafkaListeners listeners = compose.kafkaListeners();
        assertThat(listeners.advertised()).containsValue("localhost:9092");
        PublishedPort published = compose.service("kafka").ports().get(0);
        assertThat(published.hostPorts()).isEqualTo("9092");
        assertThat(listeners.boundPortOf("localhost:9092")).contains(published.containerPort());
    }

    @Test
    void theTopicAndItsDeadLetterTopicAreCreatedWithThreePartitions() {
        String script = String.join(" ", compose.service("kafka-init").commandLine());
        Map<String, String> created = new LinkedHashMap<>();
        for (String command : script.split("&&")) {
            List<String> commandLine = List.of(command);
            if (command.contains("kafka-topics") && command.contains("--create")) {
                created.put(ComposeFile.optionValues(commandLine, "--topic").get(0),
                        ComposeFile.optionValues(commandLine, "--partitions").get(0));
            }
        }
        assertThat(created).containsOnly(entry(Enrollment.TOPIC, "3"), entry(Enrollment.DEAD_LETTER_TOPIC, "3"));
    }

    @Test
    void kafkaUiShowsTheClusterWithoutAnySetUp() {
        assertThat(compose.service("kafka-ui").environment())
                .containsEntry("KAFKA_CLUSTERS_0_NAME", "matriculas")
                .containsKey("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS");
    }

    @Test
    void theImageBuildHasThePomOfEveryModuleTheReactorLists() throws IOException {
        List<String> copied = Dockerfile.all(dockerfile(compose.service("producer")).buildStage(), "COPY").stream()
                .flatMap(copy -> copy.operands().subList(0, copy.operands().size() - 1).stream()).toList();
        assertThat(copied).contains("mvnw", "pom.xml");
        for (String module : modulesOfTheBuild()) {
            assertThat(copied).as("the build copies %s or its pom", module).containsAnyOf(module + "/pom.xml", module + "/");
        }
    }

    @Test
    void theImageCopiesEverySpringBootLayerFromTheLeastToTheMostOftenChanged() throws Exception {
        List<String> layers = layersOf(Path.of(System.getProperty("producer.jar")));
        assertThat(layers).contains("dependencies", "application");
        for (Dockerfile dockerfile : dockerfiles()) {
            assertThat(indexOf(dockerfile.buildStage(), "RUN", "-Djarmode=tools", "extract --layers")).isNotNegative();
            List<String> copied = Dockerfile.all(dockerfile.runStage(), "COPY").stream()
                    .filter(copy -> copy.hasFlag("--from"))
                    .map(copy -> copy.operands().get(0).replaceAll("^/layers/|/$", "")).toList();
            assertThat(copied).as(dockerfile.path().toString()).containsExactlyElementsOf(layers);
        }
    }

    @Test
    void containersRunAsAnUnprivilegedUserWithAHeapSizedToTheirMemoryLimit() {
        for (Dockerfile dockerfile : dockerfiles()) {
            List<Instruction> users = Dockerfile.all(dockerfile.runStage(), "USER");
            assertThat(users).as("%s sets a user", dockerfile.path()).isNotEmpty();
            assertThat(users.get(users.size() - 1).arguments()).isNotIn("root", "0", "0:0", "root:root");
            assertThat(Dockerfile.all(dockerfile.runStage(), "ENV")).extracting(Instruction::arguments)
                    .anySatisfy(env -> assertThat(env).contains("MaxRAMPercentage"));
        }
        assertThat(compose.service("producer").definition()).containsKey("mem_limit");
        assertThat(compose.service("dashboard").definition()).containsKey("mem_limit");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndGitHistoryButKeepsWhatTheImagesCopy() {
        DockerIgnore ignore = DockerIgnore.read(ComposeFile.REPOSITORY.resolve(".dockerignore"));
        assertThat(List.of(".git", "target", "producer-service/target/producer-service-1.0.0-SNAPSHOT-exec.jar",
                "dashboard-service/target/classes", ".local-kafka/log"))
                .allMatch(ignore::excludes);
        for (Service service : builtServices()) {
            List<String> sources = dockerfile(service).contextSources().stream()
                    .map(source -> withArguments(source, service.buildArgs())).toList();
            assertThat(sources).as("copied for %s", service.name()).isNotEmpty().noneMatch(ignore::excludes)
                    .allSatisfy(source -> assertThat(ComposeFile.REPOSITORY.resolve(source)).exists());
        }
    }

    /** Every variable Compose gives the producer or the dashboard is a setting that service reads. */
    @Test
    void everyVariableComposeGivesAServiceIsOneItReads() throws IOException {
        for (Service service : builtServices()) {
            Set<String> read = ServiceSettings.environmentVariablesReadBy(applicationYml(service),
                    "dev.matriculas." + service.name());
            assertThat(variablesOf(service.name())).as("variables Compose gives %s", service.name())
                    .contains("KAFKA_BOOTSTRAP_SERVERS")
                    .allSatisfy(name -> assertThat(read).as("variables %s reads", service.name()).contains(name));
        }
    }

    @Test
    void theProducerIsGivenTimeToDrainBeforeDockerKillsIt() {
        Object grace = compose.service("producer").definition().get("stop_grace_period");

        assertThat(grace).as("producer stop_grace_period").isNotNull();
        assertThat(Duration.parse("PT" + String.valueOf(grace).toUpperCase(Locale.ROOT)))
                .as("longer than the default drain timeout, 10 s, with room to close")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    }

    /** Every variable a service is given, set here or passed through from the caller's shell. */
    private List<String> variablesOf(String service) {
        List<String> names = new ArrayList<>(compose.service(service).environment().keySet());
        names.addAll(compose.service(service).passedThrough());
        return names;
    }

    private List<String> variable(String service, String name) {
        String value = compose.service(service).environment().get(name);
        return value == null ? List.of() : List.of(value.split(","));
    }

    private List<Service> builtServices() {
        return List.of(compose.service("producer"), compose.service("dashboard"));
    }

    private List<Dockerfile> dockerfiles() {
        return builtServices().stream().map(ComposeWiringTest::dockerfile).toList();
    }

    private static Path applicationYml(Service service) {
        return ComposeFile.REPOSITORY.resolve(service.buildArgs().get("MODULE") + "/src/main/resources/application.yml");
    }

    /** The service's {@code server.port} as its application.yml sets it. */
    private static String serverPortOf(Service service) throws IOException {
        try (var reader = Files.newBufferedReader(applicationYml(service))) {
            Map<?, ?> settings = new Yaml().load(reader);
            return String.valueOf(((Map<?, ?>) settings.get("server")).get("port"));
        }
    }

    /** A Dockerfile path with its {@code ${ARG}}s replaced by the build's values. */
    private static String withArguments(String path, Map<String, String> args) {
        String result = path;
        for (Map.Entry<String, String> arg : args.entrySet()) {
            result = result.replace("${" + arg.getKey() + "}", arg.getValue());
        }
        return result;
    }

    private static Dockerfile dockerfile(Service service) {
        return Dockerfile.read(service.dockerfile()
                .orElseThrow(() -> new AssertionError(service.name() + " is not built from the repository")));
    }

    /** The health check Compose runs: its own, or the one in the image it builds. */
    private static List<String> healthcheckOf(Service service) {
        if (!service.healthcheck().isEmpty() || service.dockerfile().isEmpty()) {
            return service.healthcheck();
        }
        return Dockerfile.all(dockerfile(service).runStage(), "HEALTHCHECK").stream()
                .map(Instruction::arguments).filter(arguments -> !arguments.equals("NONE")).toList();
    }

    /** Services others wait for to complete: they run once. */
    private Set<String> oneShotServices() {
        return compose.services().values().stream().flatMap(service -> service.dependsOn().entrySet().stream())
                .filter(dependency -> dependency.getValue().equals("service_completed_successfully"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static int indexOf(List<Instruction> stage, String keyword, String... fragments) {
        for (int i = 0; i < stage.size(); i++) {
            Instruction instruction = stage.get(i);
            if (instruction.keyword().equals(keyword)
                    && Arrays.stream(fragments).allMatch(instruction.arguments()::contains)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> modulesOfTheBuild() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(ComposeFile.REPOSITORY.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** The layers Spring Boot's layered jar declares, in the order they are meant to be copied. */
    private static List<String> layersOf(Path jar) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "list-layers").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}

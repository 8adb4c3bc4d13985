package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.matriculas.contract.Topics;
import dev.matriculas.producer.publishing.PublishingProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What only a static look at docker-compose.yml can catch, read through Compose's own parser ({@code docker compose
 * config}, which needs no engine) and the services' settings as Spring Boot binds them. The Compose lane
 * ({@link ComposeStackTest}) runs the file itself. Skipped where {@code docker compose} is missing; CI has it.
 */
class ComposeConfigTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("repository.root"));
    private static final String SET = "set-by-compose";

    private static JsonNode services;

    @BeforeAll
    static void readTheFileAsComposeDoes() {
        assumeTrue(compose(REPOSITORY, "version").exitCode() == 0, "'docker compose' is not installed");
        Result config = compose(REPOSITORY, "config", "--format", "json");
        assertThat(config.exitCode()).as("docker compose config said: %s", config.output()).isZero();
        services = JsonMapper.builder().build().readTree(config.output()).path("services");
    }

    /** The file passing Compose's parser means something only if a mistake fails it. */
    @Test
    void composeRejectsTheFileWithAMisspeltKey(@TempDir Path project) throws IOException {
        String file = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
        Files.writeString(project.resolve("docker-compose.yml"), file.replaceFirst("healthcheck:", "healtcheck:"));

        Result config = compose(project, "config", "-q");

        assertThat(config.exitCode()).isNotZero();
        assertThat(config.output()).contains("healtcheck");
    }

    /** A variable no setting reads is ignored without a word: Spring binds each by its relaxed name, or not at all. */
    @Test
    void everyVariableComposeGivesAServiceIsOneItReads() throws IOException {
        for (String service : List.of("producer", "dashboard")) {
            List<String> variables = new ArrayList<>();
            services.path(service).path("environment").propertyNames().forEach(variables::add);
            assertThat(variables).as("variables Compose gives the %s", service).contains("KAFKA_BOOTSTRAP_SERVERS");
            for (String variable : variables) {
                assertThat(reads(service, variable)).as("the %s reads %s", service, variable).isTrue();
            }
        }
    }

    @Test
    void kafkaInitCreatesTheTopicsWithTheServicesDefaultPartitions() {
        List<String> command = List.of(services.path("kafka-init").path("command").get(0).asString().split("\\s+"));

        List<String> partitions = new ArrayList<>();
        for (int i = command.indexOf("--partitions"); i >= 0; i = indexOf(command, "--partitions", i + 1)) {
            partitions.add(command.get(i + 1));
        }
        assertThat(partitions).containsExactly(String.valueOf(Topics.DEFAULT_PARTITIONS),
                String.valueOf(Topics.DEFAULT_PARTITIONS));
    }

    /** Docker kills a container its grace period after asking it to stop; the producer first drains what is in flight. */
    @Test
    void theProducerIsGivenTimeToDrainBeforeDockerKillsIt() {
        Duration drain = new Binder().bindOrCreate("producer", PublishingProperties.class).drainTimeout();
        Duration grace = DurationStyle.detectAndParse(services.path("producer").path("stop_grace_period").asString());

        assertThat(grace).isGreaterThan(drain.plusSeconds(5));
    }

    /**
     * Whether setting the variable changes a setting of the service: a property of its application.yml (whose
     * placeholders name variables) or of its {@code @ConfigurationProperties} records, the contract's included.
     */
    private static boolean reads(String service, String variable) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", Map.of(variable, SET)));
        List<String> settings = new ArrayList<>();
        for (PropertySource<?> yml : new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(
                REPOSITORY.resolve(service + "-service/src/main/resources/application.yml")))) {
            environment.getPropertySources().addLast(yml);
            Collections.addAll(settings, ((EnumerablePropertySource<?>) yml).getPropertyNames());
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (String basePackage : List.of("dev.matriculas." + service, "dev.matriculas.contract")) {
            for (var candidate : scanner.findCandidateComponents(basePackage)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
                addProperties(type.getAnnotation(ConfigurationProperties.class).value(), type, settings);
            }
        }
        Binder binder = Binder.get(environment);
        return settings.stream().anyMatch(setting -> binder.bind(ConfigurationPropertyName.adapt(setting, '.'),
                Bindable.of(String.class)).map(SET::equals).orElse(false));
    }

    private static void addProperties(String prefix, Class<?> settings, List<String> names) {
        for (RecordComponent component : settings.getRecordComponents()) {
            String property = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            if (component.getType().isRecord()) {
                addProperties(property, component.getType(), names);
            } else {
                names.add(property);
            }
        }
    }

    private static int indexOf(List<String> list, String element, int from) {
        int found = list.subList(from, list.size()).indexOf(element);
        return found < 0 ? -1 : from + found;
    }

    private record Result(int exitCode, String output) {
    }

    /** {@code docker compose} on the project's file, with none of the caller's variables but those it needs to run. */
    private static Result compose(Path project, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--file",
                project.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().keySet().retainAll(List.of("PATH", "HOME"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Bounded: read on another thread so a hung CLI is ended after the wait below.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.getMessage();
                }
            });
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output.join());
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}

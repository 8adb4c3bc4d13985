package dev.matriculas.endtoend;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code docker-compose.yml}, read as YAML with every {@code ${VARIABLE:-default}} replaced by its
 * default, as Compose sees it when none of those variables is set. Only the parts the tests look at are modelled.
 */
final class ComposeFile {

    static final Path REPOSITORY = Path.of(System.getProperty("repository.root", "missing: run through Maven"));

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private final Map<String, Service> services = new LinkedHashMap<>();

    private ComposeFile(Map<String, Object> document) {
        map(document.get("services"), "services").forEach((name, definition) ->
                services.put(name, new Service(name, map(definition, "service " + name))));
    }

    static ComposeFile load() {
        return read(REPOSITORY.resolve("docker-compose.yml"));
    }

    static ComposeFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml().load(reader);
            return new ComposeFile(map(interpolate(document), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Service> services() {
        return services;
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service '" + name + "'; it has " + services.keySet());
        }
        return service;
    }

    /** Kafka's listeners, from the environment of its {@code kafka} service. */
    KafkaListeners kafkaListeners() {
        return KafkaListeners.of(service("kafka"));
    }

    /** One service of the file. */
    record Service(String name, Map<String, Object> definition) {

        Optional<String> image() {
            return Optional.ofNullable((String) definition.get("image"));
        }

        /** The Dockerfile the service is built from, if it is built from the repository. */
        Optional<Path> dockerfile() {
            if (!(definition.get("build") instanceof Map<?, ?> build)) {
                return Optional.empty();
            }
            Path context = REPOSITORY.resolve(String.valueOf(build.get("context")));
            Object dockerfile = build.get("dockerfile");
            return Optional.of(context.resolve(dockerfile == null ? "Dockerfile" : String.valueOf(dockerfile)).normalize());
        }

        /** The build arguments the image is built with. */
        Map<String, String> buildArgs() {
            Map<String, String> args = new LinkedHashMap<>();
            if (definition.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> declared) {
                declared.forEach((name, value) -> args.put(String.valueOf(name), String.valueOf(value)));
            }
            return args;
        }

        /** The variables set to a value; those listed without one are passed through from the caller's shell. */
        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            Object declared = definition.getOrDefault("environment", Map.of());
            if (declared instanceof List<?> list) {
                for (Object entry : list) {
                    String[] pair = String.valueOf(entry).split("=", 2);
                    if (pair.length == 2) {
                        environment.put(pair[0], pair[1]);
                    }
                }
            } else {
                map(declared, name + ".environment").forEach((key, value) -> {
                    if (value != null) {
                        environment.put(key, String.valueOf(value));
                    }
                });
            }
            return environment;
        }

        /** The variables listed without a value: Compose passes them through from the caller's shell. */
        List<String> passedThrough() {
            Object declared = definition.getOrDefault("environment", Map.of());
            if (declared instanceof List<?> list) {
                return list.stream().map(String::valueOf).filter(entry -> !entry.contains("=")).toList();
            }
            return map(declared, name + ".environment").entrySet().stream()
                    .filter(variable -> variable.getValue() == null).map(Map.Entry::getKey).toList();
        }

        List<PublishedPort> ports() {
            return strings(definition.getOrDefault("ports", List.of())).stream().map(PublishedPort::parse).toList();
        }

        /** Each service this one waits for, with the condition it waits for. */
        Map<String, String> dependsOn() {
            Map<String, String> conditions = new LinkedHashMap<>();
            Object declared = definition.getOrDefault("depends_on", Map.of());
            if (declared instanceof List<?> names) {
                names.forEach(dependency -> conditions.put(String.valueOf(dependency), "service_started"));
            } else {
                map(declared, name + ".depends_on").forEach((dependency, options) ->
                        conditions.put(dependency, String.valueOf(map(options, dependency).get("condition"))));
            }
            return conditions;
        }

        /** The health check command, empty when there is none here (an image may still declare one). */
        List<String> healthcheck() {
            if (!(definition.get("healthcheck") instanceof Map<?, ?> healthcheck)
                    || Boolean.TRUE.equals(healthcheck.get("disable"))) {
                return List.of();
            }
            return commandLine(healthcheck.get("test"));
        }

        String restart() {
            return String.valueOf(definition.getOrDefault("restart", "no"));
        }

        /** Entry point and command, as one command line. */
        List<String> commandLine() {
            List<String> commandLine = new ArrayList<>(commandLine(definition.get("entrypoint")));
            commandLine.addAll(commandLine(definition.get("command")));
            return commandLine;
        }

        private static List<String> commandLine(Object value) {
            if (value == null) {
                return List.of();
            }
            return value instanceof List<?> ? strings(value) : List.of(String.valueOf(value));
        }
    }

    /**
     * A {@code ports} entry in the short syntax, {@code [host IP:]host port or range:container port}.
     *
     * @param hostIp empty when published on every interface
     */
    record PublishedPort(String hostIp, String hostPorts, int containerPort) {

        static PublishedPort parse(String entry) {
            String[] parts = entry.split(":");
            return switch (parts.length) {
                case 2 -> new PublishedPort("", parts[0], Integer.parseInt(parts[1]));
                case 3 -> new PublishedPort(parts[0], parts[1], Integer.parseInt(parts[2]));
                default -> throw new IllegalArgumentException("expected [ip:]host:container, got '" + entry + "'");
            };
        }
    }

    /**
     * Kafka's listeners by name: the addresses it binds and the ones it tells clients to use.
     *
     * @param bound      listener name to the port it binds
     * @param advertised listener name to the address clients are told
     */
    record KafkaListeners(String serviceName, Map<String, Integer> bound, Map<String, String> advertised) {

        static KafkaListeners of(Service kafka) {
            Map<String, String> environment = kafka.environment();
            Map<String, Integer> bound = new LinkedHashMap<>();
            listeners(environment.get("KAFKA_LISTENERS")).forEach((name, address) ->
                    bound.put(name, Integer.parseInt(address.substring(address.lastIndexOf(':') + 1))));
            return new KafkaListeners(kafka.name(), bound, listeners(environment.get("KAFKA_ADVERTISED_LISTENERS")));
        }

        /** Addresses advertised under the service's own name, which other containers resolve. */
        List<String> forContainers() {
            return advertised.values().stream().filter(address -> address.startsWith(serviceName + ":")).toList();
        }

        /** The port the listener advertised as {@code address} binds inside the container. */
        Optional<Integer> boundPortOf(String address) {
            return advertised.entrySet().stream().filter(listener -> listener.getValue().equals(address))
                    .map(listener -> bound.get(listener.getKey())).findFirst();
        }

        private static Map<String, String> listeners(String declaration) {
            Map<String, String> listeners = new LinkedHashMap<>();
            if (declaration != null) {
                for (String listener : declaration.split(",")) {
                    String[] nameAndAddress = listener.trim().split("://", 2);
                    listeners.put(nameAndAddress[0], nameAndAddress[1]);
                }
            }
            return listeners;
        }
    }

    /** The values following each {@code option} in a command line, e.g. every {@code --bootstrap-server}. */
    static List<String> optionValues(List<String> commandLine, String option) {
        List<String> words = commandLine.stream().flatMap(part -> Arrays.stream(part.trim().split("\\s+"))).toList();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals(option)) {
                values.add(words.get(i + 1));
            }
        }
        return values;
    }

    private static Object interpolate(Object node) {
        if (node instanceof String text) {
            return interpolate(text);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> interpolated = new LinkedHashMap<>();
            map.forEach((key, value) -> interpolated.put(String.valueOf(key), interpolate(value)));
            return interpolated;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ComposeFile::interpolate).toList();
        }
        return node;
    }

    private static String interpolate(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String replacement;
            if (variable.group().equals("$$")) {
                replacement = "$";
            } else if (variable.group(2) != null) {
                replacement = variable.group(2);
            } else {
                throw new IllegalStateException("docker-compose.yml uses ${" + variable.group(1)
                        + "} without a default, so it breaks when the variable is not set");
            }
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(result).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException(what + " in docker-compose.yml should be a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}

package dev.matriculas.endtoend;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The environment variables a service reads: those its application.yml names in a placeholder, and those Spring
 * Boot binds by name to its {@code @ConfigurationProperties} records ({@code producer.rate-per-second} is
 * {@code PRODUCER_RATE_PER_SECOND}).
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):");

    private ServiceSettings() {
    }

    static Set<String> environmentVariablesReadBy(Path applicationYml, String basePackage) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(Files.readString(applicationYml));
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> settings = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = settings.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addProperties(prefix, settings, names);
        }
        return names;
    }

    /** A record's components, and those of the records nested in it, as environment variable names. */
    private static void addProperties(String prefix, Class<?> settings, Set<String> names) {
        for (RecordComponent component : settings.getRecordComponents()) {
            String property = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2");
            if (component.getType().isRecord()) {
                addProperties(property, component.getType(), names);
            } else {
                names.add(property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
            }
        }
    }
}

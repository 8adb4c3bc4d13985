package dev.matriculas.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every label of the page exists in Portuguese and in English. */
class MessageBundlesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([\\w.-]+)");

    @Test
    void portugueseAndEnglishHaveTheSameTexts() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyTextTheTemplatesAndScriptsAskForExists() throws IOException {
        Set<String> asked = new TreeSet<>(ClientMessages.KEYS);
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            Matcher keys = TEMPLATE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (keys.find()) {
                asked.add(keys.group(1));
            }
        }
        assertThat(asked).hasSizeGreaterThan(50);

        Set<String> known = new HashSet<>(load("messages.properties").stringPropertyNames());
        assertThat(known).containsAll(asked);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

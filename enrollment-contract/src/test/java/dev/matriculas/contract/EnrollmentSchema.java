package dev.matriculas.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;

/**
 * The published contract, {@code enrollment.schema.json}, as a check any service's tests can run on a record
 * value. Formats are asserted (a {@code date} must be a real date), as the parser does. Thread-safe.
 */
public final class EnrollmentSchema {

    private static final Schema SCHEMA = load();

    private EnrollmentSchema() {
    }

    /** What is wrong with this record value by the schema; empty when it is a valid enrollment. */
    public static List<String> violations(byte[] json) {
        return violations(new String(json, StandardCharsets.UTF_8));
    }

    /** What is wrong with this JSON text by the schema; empty when it is a valid enrollment. */
    public static List<String> violations(String json) {
        try {
            return SCHEMA.validate(json, InputFormat.JSON).stream()
                    .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                    .toList();
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream schema = EnrollmentSchema.class.getResourceAsStream("/enrollment.schema.json")) {
            if (schema == null) {
                throw new IllegalStateException("enrollment.schema.json is not on the class path");
            }
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.matriculas.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.google.common.base.Utf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a Kafka record into an {@link Enrollment}, enforcing the contract strictly: a JSON object with all
 * ten fields of the right JSON types, texts non-blank and at most {@value #MAX_TEXT_LENGTH} characters, ages
 * {@value #MIN_AGE}..{@value #MAX_AGE}, durations {@value #MIN_DURATION}..{@value #MAX_DURATION}, real dates,
 * UTF-8 throughout and a key equal to {@code id_matricula}. Unknown extra fields are ignored whatever they hold;
 * a name given twice in one object is rejected, as which value counts would be a guess.
 * <p>
 * These constants are the contract's limits; {@code enrollment.schema.json} publishes them, and the parser's
 * tests hold the schema to the same records. The value is read with Jackson's streaming parser, which tells each
 * value's exact JSON type, so nothing is coerced ({@code "25"} is no integer). Thread-safe.
 */
public final class EnrollmentParser {

    public static final int MAX_RECORD_BYTES = 4096;
    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MIN_AGE = 0;
    public static final int MAX_AGE = 120;
    public static final int MIN_DURATION = 1;
    public static final int MAX_DURATION = 20;

    /**
     * Jackson's strict JSON (no comments, single quotes, leading zeros, NaN or trailing commas), a name given twice
     * in any object refused, containers at most 500 deep. Numbers may be as long as a record: each is judged by its
     * value ({@link RejectReason#OUT_OF_RANGE}), never refused for its length.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(500)
                    .maxNumberLength(MAX_RECORD_BYTES)
                    .build())
            .build();

    /** A top-level field as read: its JSON token, and its text when it is a scalar. */
    private record Value(JsonToken token, String text) {
    }

    /**
     * @param key   the record key, UTF-8 (may be null, which is rejected)
     * @param value the record value, UTF-8 JSON (not null: tombstones are the caller's business)
     * @throws InvalidEnrollmentException with the first rule the record breaks
     */
    public Enrollment parse(byte[] key, byte[] value) {
        if (value.length > MAX_RECORD_BYTES) {
            throw new InvalidEnrollmentException(RejectReason.OVERSIZED,
                    "value is " + value.length + " bytes, more than the " + MAX_RECORD_BYTES + " allowed");
        }
        utf8(value, "the value");
        Map<String, Value> fields = read(value);
        Enrollment enrollment = new Enrollment(
                text(fields, "id_matricula"),
                text(fields, "ds_curso_nome"),
                text(fields, "ds_curso_turno"),
                integer(fields, "ds_curso_duracao", MIN_DURATION, MAX_DURATION),
                date(fields, "ds_curso_inicio"),
                integer(fields, "ds_aluno_idade", MIN_AGE, MAX_AGE),
                text(fields, "ds_aluno_sexo"),
                text(fields, "ds_aluno_responsavel_financeiro"),
                text(fields, "ds_matricula_pagamento"),
                date(fields, "dt_matricula"));
        String keyText = parseKey(key);
        if (!enrollment.id().equals(keyText)) {
            throw new InvalidEnrollmentException(RejectReason.KEY_MISMATCH,
                    "key '" + abbreviate(keyText) + "' differs from id_matricula '" + enrollment.id() + "'");
        }
        return enrollment;
    }

    /**
     * The id a record's key names, for tombstones and for the key check.
     *
     * @throws InvalidEnrollmentException when there is no key, or it is not UTF-8
     */
    public String parseKey(byte[] key) {
        if (key == null) {
            throw new InvalidEnrollmentException(RejectReason.KEY_MISMATCH, "the record has no key; it must be its id_matricula");
        }
        utf8(key, "the key");
        return new String(key, StandardCharsets.UTF_8);
    }

    /**
     * Checks that the bytes are UTF-8 throughout, a string the record never reads included: Jackson checks only
     * the strings it decodes, and lets overlong forms and code points past U+10FFFF through.
     */
    private static void utf8(byte[] bytes, String what) {
        if (!Utf8.isWellFormed(bytes)) {
            throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, what + " is not valid UTF-8");
        }
    }

    /** The object's top-level fields by name; nested values are read to check their grammar, and skipped. */
    private static Map<String, Value> read(byte[] value) {
        try (JsonParser json = JSON.createParser(value)) {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidEnrollmentException(RejectReason.NOT_AN_OBJECT,
                        "expected a JSON object, got " + (first == null ? "nothing" : JsonToken.valueDescFor(first)));
            }
            Map<String, Value> fields = new HashMap<>();
            for (String name = json.nextName(); name != null; name = json.nextName()) {
                JsonToken token = json.nextToken();
                fields.put(name, new Value(token, token.isScalarValue() ? json.getString() : null));
                json.skipChildren();
            }
            if (json.nextToken() != null) {
                throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON, "more content follows the object");
            }
            return fields;
        } catch (JacksonException e) {
            throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON, e.getOriginalMessage());
        }
    }

    private static Value present(Map<String, Value> fields, String name) {
        Value value = fields.get(name);
        if (value == null || value.token() == JsonToken.VALUE_NULL) {
            throw new InvalidEnrollmentException(RejectReason.MISSING_FIELD, "field '" + name + "' is missing or null");
        }
        return value;
    }

    /** The field's string; {@code what} says what it must be otherwise. */
    private static String string(Map<String, Value> fields, String name, String what) {
        Value value = present(fields, name);
        if (value.token() != JsonToken.VALUE_STRING) {
            throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                    "field '" + name + "' must be " + what + ", got " + JsonToken.valueDescFor(value.token()));
        }
        return wholeCharacters(value.text());
    }

    private static String text(Map<String, Value> fields, String name) {
        String value = string(fields, name, "a string");
        if (value.isBlank()) {
            throw new InvalidEnrollmentException(RejectReason.BLANK_TEXT, "field '" + name + "' is blank");
        }
        // Counted in code points, as JSON Schema's maxLength counts them: an emoji is one character.
        int length = value.codePointCount(0, value.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new InvalidEnrollmentException(RejectReason.TEXT_TOO_LONG,
                    "field '" + name + "' has " + length + " characters, more than " + MAX_TEXT_LENGTH);
        }
        return value;
    }

    private static int integer(Map<String, Value> fields, String name, int min, int max) {
        Value value = present(fields, name);
        if (!value.token().isNumeric()) {
            throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                    "field '" + name + "' must be an integer, got " + JsonToken.valueDescFor(value.token()));
        }
        String written = value.text();
        // A small integer, as nearly every age and duration is, needs no BigDecimal.
        if (value.token() == JsonToken.VALUE_NUMBER_INT && written.length() <= 3) {
            int small = Integer.parseInt(written);
            if (small < min || small > max) {
                throw outOfRange(name, written, min, max);
            }
            return small;
        }
        BigDecimal decimal = decimal(written);
        // As in JSON Schema, a number with no fractional part is an integer even when written 19.0.
        if (decimal == null ? written.contains("e-") || written.contains("E-") : !isWhole(decimal)) {
            throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                    "field '" + name + "' must be an integer, got a number with a fraction");
        }
        if (decimal == null || decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(name, abbreviate(written), min, max);
        }
        return decimal.intValue();
    }

    private static InvalidEnrollmentException outOfRange(String name, String written, int min, int max) {
        return new InvalidEnrollmentException(RejectReason.OUT_OF_RANGE,
                "field '" + name + "' is " + written + ", outside " + min + ".." + max);
    }

    /**
     * A real date written exactly yyyy-MM-dd: ten characters, so no sign and no year past 9999. Read digit by digit
     * and checked by {@link LocalDate#of}, a tenth of the cost of a {@code DateTimeFormatter} for two dates a record.
     */
    private static LocalDate date(Map<String, Value> fields, String name) {
        String written = string(fields, name, "a yyyy-MM-dd string");
        if (written.length() == 10 && written.charAt(4) == '-' && written.charAt(7) == '-') {
            int year = digits(written, 0, 4);
            int month = digits(written, 5, 7);
            int day = digits(written, 8, 10);
            try {
                if (year >= 0 && month >= 0 && day >= 0) {
                    return LocalDate.of(year, month, day);
                }
            } catch (DateTimeException e) {
                // Reported below, as any other text that is no date.
            }
        }
        throw new InvalidEnrollmentException(RejectReason.INVALID_DATE,
                "field '" + name + "' is '" + abbreviate(written) + "', not a real yyyy-MM-dd date");
    }

    /** The number the ASCII digits from {@code start} to {@code end} write, or -1 if any is no such digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The text, once checked to hold no half of a surrogate pair alone: JSON's {@code \\ud800} escape may name
     * one, but that is no Unicode text, and no UTF-8 could hold it (the CSV export would write a '?').
     */
    private static String wholeCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8,
                        "a \\u escape names half of a surrogate pair alone, which is not text");
            }
        }
        return text;
    }

    /**
     * The number as a decimal, or null when its exponent is beyond what a {@code BigDecimal} holds
     * ({@code 1e99999999999}): then it is either far out of range or, with a negative exponent, not a whole
     * number; unless it is a zero ({@code 0e-99999999999}).
     */
    private static BigDecimal decimal(String written) {
        try {
            return new BigDecimal(written);
        } catch (NumberFormatException | ArithmeticException e) {
            String mantissa = written.split("[eE]", 2)[0];
            return mantissa.chars().allMatch(c -> c == '0' || c == '-' || c == '.') ? BigDecimal.ZERO : null;
        }
    }

    /**
     * A number with fewer digits than its scale lies strictly between -1 and 1, so that one is answered first:
     * {@code setScale} would build ten to the scale's power, minutes and gigabytes for 1e-300000000.
     */
    private static boolean isWhole(BigDecimal decimal) {
        if (decimal.scale() <= 0 || decimal.signum() == 0) {
            return true;
        }
        return decimal.scale() < decimal.precision() && decimal.setScale(0, RoundingMode.DOWN).compareTo(decimal) == 0;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

package dev.matriculas.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.google.common.base.Utf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads a Kafka record into an {@link Enrollment}, enforcing the contract strictly: a JSON object with all
 * ten fields of the right JSON types, texts non-blank and at most {@value #MAX_TEXT_LENGTH} characters, ages
 * {@value #MIN_AGE}..{@value #MAX_AGE}, durations {@value #MIN_DURATION}..{@value #MAX_DURATION}, real dates,
 * UTF-8 throughout and a key equal to {@code id_matricula}. Unknown extra fields are ignored whatever they hold;
 * a name given twice in one object is rejected, as which value counts would be a guess. The bytes are checked
 * to be strict UTF-8 first, then read with Jackson's streaming parser, which tells each value's exact JSON type,
 * so nothing is coerced ({@code "25"} is no integer). Thread-safe.
 */
public final class EnrollmentParser {

    public static final int MAX_RECORD_BYTES = 4096;
    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MIN_AGE = 0;
    public static final int MAX_AGE = 120;
    public static final int MIN_DURATION = 1;
    public static final int MAX_DURATION = 20;

    private static final List<String> FIELDS = List.of("id_matricula", "ds_curso_nome", "ds_curso_turno",
            "ds_curso_duracao", "ds_curso_inicio", "ds_aluno_idade", "ds_aluno_sexo", "ds_aluno_responsavel_financeiro",
            "ds_matricula_pagamento", "dt_matricula");
    /** Finds a field's index in {@link #FIELDS} from the name's bytes, as Jackson's own object readers do. */
    private static final PropertyNameMatcher FIELD_NAMES = BinaryNameMatcher.construct(FIELDS);
    /**
     * The names as Jackson compares them with the input's bytes at once: a producer writes the fields in one order,
     * mostly the contract's, so the name expected next is tried first ({@link #nextName}).
     */
    private static final SerializableString[] NAMES_IN_ORDER = FIELDS.stream().map(SerializedString::new)
            .toArray(SerializableString[]::new);

    /**
     * Jackson's strict JSON (no comments, single quotes, leading zeros, NaN or trailing commas) and containers at
     * most 500 deep, the record's own object included. Numbers may be as long as a record: each is judged by its
     * value ({@link RejectReason#OUT_OF_RANGE}), never refused for its length.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(500)
                    .maxNumberLength(MAX_RECORD_BYTES)
                    .build())
            // A consumer thread parses record after record: buffers of its own, reused, cost least.
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();

    /**
     * The same, refusing a name given twice in any object. Jackson's check keeps a set of each object's names,
     * a fifth of the cost of a record, so a record of the ten fields alone, each once and none an object or an
     * array, is read with {@link #JSON} and its names checked by their index; any other is read again with this.
     */
    private static final JsonFactory JSON_REFUSING_REPEATED_NAMES = JSON.rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * A topic's courses, shifts and dates repeat: each value is read once and the same instance handed out again,
     * so a date is not parsed anew and whoever looks a text up (the dashboard's store, for one) finds its hash
     * ready and compares it by reference. Emptied when full, so a flood of distinct values costs no more.
     */
    private static final int SHARED_LIMIT = 1024;
    private final Map<String, String> sharedTexts = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> sharedDates = new ConcurrentHashMap<>();

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
        Fields fields = read(value);
        Enrollment enrollment = new Enrollment(
                fields.id(),
                fields.text(1),
                fields.text(2),
                fields.integer(3, MIN_DURATION, MAX_DURATION),
                fields.date(4),
                fields.integer(5, MIN_AGE, MAX_AGE),
                fields.text(6),
                fields.text(7),
                fields.text(8),
                fields.date(9));
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

    private Fields read(byte[] value) {
        Fields fields = read(value, true);
        return fields != null ? fields : read(value, false);
    }

    /**
     * The record's fields; with {@code plainOnly}, null as soon as the record is more than the ten fields, each
     * given once as a plain value, since then a name given twice is left for Jackson to find.
     */
    private Fields read(byte[] value, boolean plainOnly) {
        try (JsonParser json = (plainOnly ? JSON : JSON_REFUSING_REPEATED_NAMES).createParser(value)) {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidEnrollmentException(RejectReason.NOT_AN_OBJECT,
                        "expected a JSON object, got " + (first == null ? "nothing" : JsonToken.valueDescFor(first)));
            }
            Fields fields = new Fields();
            for (int index = nextName(json, 0); index != PropertyNameMatcher.MATCH_END_OBJECT;
                    index = nextName(json, index + 1)) {
                JsonToken token = json.nextToken();
                if (plainOnly && (index < 0 || fields.tokens[index] != null || !token.isScalarValue())) {
                    return null;
                }
                if (index >= 0) {
                    fields.tokens[index] = token;
                    if (token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
                        fields.ints[index] = json.getIntValue();
                    } else if (token.isScalarValue()) {
                        fields.texts[index] = json.getString();
                    }
                }
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

    /**
     * The index in {@link #FIELDS} of the next name, {@link PropertyNameMatcher#MATCH_UNKNOWN_NAME} for another name,
     * or {@link PropertyNameMatcher#MATCH_END_OBJECT}: the {@code expected} one is matched fastest.
     */
    private static int nextName(JsonParser json, int expected) {
        if (expected < 0 || expected >= NAMES_IN_ORDER.length) {
            return json.nextNameMatch(FIELD_NAMES);
        }
        return json.nextName(NAMES_IN_ORDER[expected]) ? expected : json.currentNameMatch(FIELD_NAMES);
    }

    /**
     * The ten fields as read, by index in {@link #FIELDS}: each one's JSON token, and its value: an int for an integer
     * that fits one, else the text of a scalar.
     */
    private final class Fields {
        private final JsonToken[] tokens = new JsonToken[FIELDS.size()];
        private final String[] texts = new String[FIELDS.size()];
        private final int[] ints = new int[FIELDS.size()];

        private JsonToken token(int index) {
            JsonToken token = tokens[index];
            if (token == null || token == JsonToken.VALUE_NULL) {
                throw new InvalidEnrollmentException(RejectReason.MISSING_FIELD,
                        "field '" + FIELDS.get(index) + "' is missing or null");
            }
            return token;
        }

        /** The field's string; {@code what} says what it must be otherwise. */
        private String string(int index, String what) {
            JsonToken token = token(index);
            if (token != JsonToken.VALUE_STRING) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + FIELDS.get(index) + "' must be " + what + ", got " + JsonToken.valueDescFor(token));
            }
            return wholeCharacters(texts[index]);
        }

        /** The id: every record's is its own, so it is not shared. */
        String id() {
            return checked(0, string(0, "a string"));
        }

        String text(int index) {
            return shared(sharedTexts, checked(index, string(index, "a string")), Function.identity());
        }

        private String checked(int index, String value) {
            String name = FIELDS.get(index);
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

        int integer(int index, int min, int max) {
            JsonToken token = token(index);
            String name = FIELDS.get(index);
            if (!token.isNumeric()) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + name + "' must be an integer, got " + JsonToken.valueDescFor(token));
            }
            String written = texts[index];
            if (written == null) {
                int value = ints[index];
                if (value < min || value > max) {
                    throw outOfRange(name, String.valueOf(value), min, max);
                }
                return value;
            }
            BigDecimal decimal = decimal(written);
            // As in JSON Schema, a number with no fractional part is an integer even when written 19.0.
            if (decimal == null ? written.contains("e-") || written.contains("E-") : !isWhole(decimal)) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + name + "' must be an integer, got a number with a fraction");
            }
            if (decimal == null || decimal.compareTo(BigDecimal.valueOf(min)) < 0
                    || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange(name, abbreviate(written), min, max);
            }
            return decimal.intValue();
        }

        /** A real date written exactly yyyy-MM-dd: ten characters, so no sign and no year past 9999. */
        LocalDate date(int index) {
            String written = string(index, "a yyyy-MM-dd string");
            try {
                if (written.length() == 10) {
                    return shared(sharedDates, written, LocalDate::parse);
                }
            } catch (DateTimeParseException e) {
                // Reported below, as any other text that is no date.
            }
            throw new InvalidEnrollmentException(RejectReason.INVALID_DATE,
                    "field '" + FIELDS.get(index) + "' is '" + abbreviate(written) + "', not a real yyyy-MM-dd date");
        }
    }

    /** Looked up first without a lock: the consumers of all partitions share these, and nearly every value is known. */
    private static <V> V shared(Map<String, V> values, String written, Function<String, V> read) {
        V known = values.get(written);
        if (known != null) {
            return known;
        }
        if (values.size() >= SHARED_LIMIT) {
            values.clear();
        }
        return values.computeIfAbsent(written, read);
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

    private static InvalidEnrollmentException outOfRange(String name, String written, int min, int max) {
        return new InvalidEnrollmentException(RejectReason.OUT_OF_RANGE,
                "field '" + name + "' is " + written + ", outside " + min + ".." + max);
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

package dev.matriculas.contract;

import java.math.BigDecimal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * Reads a Kafka record into an {@link Enrollment}, enforcing the contract strictly: a JSON object with all
 * ten fields of the right JSON types, texts non-blank and at most {@value #MAX_TEXT_LENGTH} characters, ages
 * {@value #MIN_AGE}..{@value #MAX_AGE}, durations {@value #MIN_DURATION}..{@value #MAX_DURATION}, real dates,
 * UTF-8 throughout and a key equal to {@code id_matricula}. Unknown extra fields are ignored whatever they hold,
 * repeated names inside them included; one of the ten fields given twice is rejected, as which one counts would be a guess.
 * It reads the JSON as a stream of tokens, keeping only the ten fields, because the dashboard replays whole
 * topics through it. Thread-safe.
 */
public final class EnrollmentParser {

    public static final int MAX_RECORD_BYTES = 4096;
    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MIN_AGE = 0;
    public static final int MAX_AGE = 120;
    public static final int MIN_DURATION = 1;
    public static final int MAX_DURATION = 20;

    private static final String[] FIELDS = {"id_matricula", "ds_curso_nome", "ds_curso_turno", "ds_curso_duracao",
            "ds_curso_inicio", "ds_aluno_idade", "ds_aluno_sexo", "ds_aluno_responsavel_financeiro",
            "ds_matricula_pagamento", "dt_matricula"};
    /** Matches the field names in the raw bytes, as Jackson's own deserializers do: no string per name. */
    private static final PropertyNameMatcher FIELD_NAMES = BinaryNameMatcher.construct(List.of(FIELDS));

    /** Duplicates of the ten fields are caught by {@link Fields}: Jackson's check costs a set per record. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

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
        if (!isUtf8(value)) {
            throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, "the value is not valid UTF-8");
        }
        Fields fields = readObject(value);
        Enrollment enrollment = new Enrollment(
                fields.text(0),
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
        if (!isUtf8(key)) {
            throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, "the key is not valid UTF-8");
        }
        return new String(key, StandardCharsets.UTF_8);
    }

    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), checked in place: records are
     * read by the ten thousand a second, and a decoder would first copy each into a new string.
     */
    static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            // Records are mostly ASCII: step over eight ASCII bytes at a time.
            if (i + Long.BYTES <= bytes.length && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int extra = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
            if (extra == 0 || i + extra >= bytes.length) {
                return false;
            }
            int codePoint = lead & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            boolean overlongOrSurrogate = extra == 2 && (codePoint < 0x800 || (codePoint >= 0xD800 && codePoint <= 0xDFFF));
            boolean outOfRange = extra == 3 && (codePoint < 0x10000 || codePoint > 0x10FFFF);
            if (overlongOrSurrogate || outOfRange) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    /** The ten fields as they appeared, by index in {@link #FIELDS}: each one's JSON token and its value. */
    private static final class Fields {
        private final JsonToken[] tokens = new JsonToken[FIELDS.length];
        private final String[] texts = new String[FIELDS.length];
        /** Numbers that fit an int, the common case, are kept without a BigDecimal. */
        private final int[] ints = new int[FIELDS.length];
        private final BigDecimal[] decimals = new BigDecimal[FIELDS.length];

        void read(int index, JsonParser json, JsonToken token) {
            if (tokens[index] != null) {
                throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON,
                        "field '" + FIELDS[index] + "' appears twice; which one counts would be a guess");
            }
            tokens[index] = token;
            switch (token) {
                case VALUE_STRING -> texts[index] = json.getString();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    if (token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
                        ints[index] = json.getIntValue();
                    } else {
                        texts[index] = json.getString();
                        decimals[index] = json.getDecimalValue();
                    }
                }
                case VALUE_NULL -> {
                    // Counts as missing, but a second value for the field is still a duplicate.
                }
                default -> json.skipChildren();
            }
        }

        private JsonToken token(int index) {
            JsonToken token = tokens[index];
            if (token == null || token == JsonToken.VALUE_NULL) {
                throw new InvalidEnrollmentException(RejectReason.MISSING_FIELD,
                        "field '" + FIELDS[index] + "' is missing or null");
            }
            return token;
        }

        /** The field's text, when it is a JSON string; {@code what} says what it must be otherwise. */
        private String string(int index, String what) {
            JsonToken token = token(index);
            if (token != JsonToken.VALUE_STRING) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + FIELDS[index] + "' must be " + what + ", got " + typeOf(token));
            }
            return texts[index];
        }

        String text(int index) {
            String name = FIELDS[index];
            String value = string(index, "a string");
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
            String name = FIELDS[index];
            BigDecimal decimal = decimals[index];
            // As in JSON Schema, a number with no fractional part is an integer even when written 19.0.
            boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
            if (!number || decimal != null && decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + name + "' must be an integer, got " + typeOf(token));
            }
            boolean inRange = decimal == null ? ints[index] >= min && ints[index] <= max
                    : decimal.compareTo(BigDecimal.valueOf(min)) >= 0 && decimal.compareTo(BigDecimal.valueOf(max)) <= 0;
            if (!inRange) {
                String written = decimal == null ? Integer.toString(ints[index]) : abbreviate(texts[index]);
                throw new InvalidEnrollmentException(RejectReason.OUT_OF_RANGE,
                        "field '" + name + "' is " + written + ", outside " + min + ".." + max);
            }
            return decimal == null ? ints[index] : decimal.intValue();
        }

        LocalDate date(int index) {
            String text = string(index, "a yyyy-MM-dd string");
            LocalDate date = isoDate(text);
            if (date == null) {
                throw new InvalidEnrollmentException(RejectReason.INVALID_DATE,
                        "field '" + FIELDS[index] + "' is '" + abbreviate(text) + "', not a real yyyy-MM-dd date");
            }
            return date;
        }
    }

    private Fields readObject(byte[] value) {
        Fields fields = new Fields();
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), value)) {
            JsonToken token = json.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidEnrollmentException(RejectReason.NOT_AN_OBJECT,
                        "expected a JSON object, got " + (token == null ? "nothing" : typeOf(token)));
            }
            int index;
            while ((index = json.nextNameMatch(FIELD_NAMES)) != PropertyNameMatcher.MATCH_END_OBJECT) {
                if (index == PropertyNameMatcher.MATCH_ODD_TOKEN) {
                    throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON, "not JSON: the object is not closed");
                }
                token = json.nextToken();
                if (index == PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
                    json.skipChildren();
                } else {
                    fields.read(index, json, token);
                }
            }
            if (json.nextToken() != null) {
                throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON, "not JSON: more content after the object");
            }
        } catch (JacksonException e) {
            throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON,
                    "not JSON: " + abbreviate(e.getOriginalMessage()));
        }
        return fields;
    }

    private static String typeOf(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NULL -> "NULL";
            default -> token.name();
        };
    }

    /** A real calendar date written exactly yyyy-MM-dd, or null; by hand, as a formatter is slow. */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

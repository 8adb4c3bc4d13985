package dev.matriculas.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

import dev.matriculas.contract.JsonReader.Kind;

/**
 * Reads a Kafka record into an {@link Enrollment}, enforcing the contract strictly: a JSON object with all
 * ten fields of the right JSON types, texts non-blank and at most {@value #MAX_TEXT_LENGTH} characters, ages
 * {@value #MIN_AGE}..{@value #MAX_AGE}, durations {@value #MIN_DURATION}..{@value #MAX_DURATION}, real dates,
 * UTF-8 throughout and a key equal to {@code id_matricula}. Unknown extra fields are ignored whatever they hold,
 * repeated names inside them included; one of the ten fields given twice is rejected, as which one counts would be a guess.
 * The dashboard replays whole topics through it, so it reads the JSON straight from the bytes ({@link JsonReader}),
 * makes strings only for the ten fields, and reuses those of values that repeat ({@link TextCache}). Thread-safe.
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
    /** Field names are compared as bytes: no string per name. */
    private static final byte[][] FIELD_NAMES = Arrays.stream(FIELDS)
            .map(name -> name.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    private static final int ID = 0;
    private static final int DATE_SLOTS = 1024;

    private final TextCache texts = new TextCache();
    /**
     * The same {@code LocalDate} for the same date, as for {@link #texts}: records' dates fall in a few months.
     * Direct-mapped by day (a slot forgets on a collision); dates are immutable, so threads may share it.
     */
    private final LocalDate[] dates = new LocalDate[DATE_SLOTS];

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
        try {
            return read(key, value);
        } catch (InvalidEnrollmentException e) {
            // The reader checks UTF-8 in the strings it scans; bytes that are not UTF-8 anywhere else (or after the
            // first fault) must still be the reason given, whatever else is wrong.
            if (e.reason() != RejectReason.INVALID_UTF8 && !Utf8.isValid(value)) {
                throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, "the value is not valid UTF-8");
            }
            throw e;
        }
    }

    private Enrollment read(byte[] key, byte[] value) {
        Fields fields = readObject(value);
        Enrollment enrollment = new Enrollment(
                fields.text(ID),
                fields.text(1),
                fields.text(2),
                fields.integer(3, MIN_DURATION, MAX_DURATION),
                fields.date(4),
                fields.integer(5, MIN_AGE, MAX_AGE),
                fields.text(6),
                fields.text(7),
                fields.text(8),
                fields.date(9));
        if (!fields.idIs(key)) {
            String keyText = parseKey(key);
            if (!enrollment.id().equals(keyText)) {
                throw new InvalidEnrollmentException(RejectReason.KEY_MISMATCH,
                        "key '" + abbreviate(keyText) + "' differs from id_matricula '" + enrollment.id() + "'");
            }
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
        if (!Utf8.isValid(key)) {
            throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, "the key is not valid UTF-8");
        }
        return new String(key, StandardCharsets.UTF_8);
    }

    /** Where each of the ten fields' values lies in the record, by index in {@link #FIELDS}. */
    private final class Fields {
        private final JsonReader json;
        private final byte[] in;
        private final Kind[] kinds = new Kind[FIELDS.length];
        private final int[] starts = new int[FIELDS.length];
        private final int[] ends = new int[FIELDS.length];
        private final boolean[] escaped = new boolean[FIELDS.length];

        Fields(JsonReader json, byte[] in) {
            this.json = json;
            this.in = in;
        }

        /** Takes the value at hand as the field's, stepping over it. */
        void read(int index) {
            if (kinds[index] != null) {
                throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON,
                        "field '" + FIELDS[index] + "' appears twice; which one counts would be a guess");
            }
            Kind kind = json.peekKind();
            kinds[index] = kind;
            switch (kind) {
                case STRING -> {
                    starts[index] = json.skipString();
                    ends[index] = json.end();
                    escaped[index] = json.escaped();
                }
                case NUMBER -> {
                    starts[index] = json.skipNumber();
                    ends[index] = json.end();
                }
                // Null counts as missing, but a second value for the field is still a duplicate.
                default -> json.skipValue();
            }
        }

        private Kind kind(int index) {
            Kind kind = kinds[index];
            if (kind == null || kind == Kind.NULL) {
                throw new InvalidEnrollmentException(RejectReason.MISSING_FIELD,
                        "field '" + FIELDS[index] + "' is missing or null");
            }
            return kind;
        }

        /** Checks the field is a JSON string; {@code what} says what it must be otherwise. */
        private void requireString(int index, String what) {
            Kind kind = kind(index);
            if (kind != Kind.STRING) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + FIELDS[index] + "' must be " + what + ", got " + kind);
            }
        }

        private String string(int index) {
            if (escaped[index]) {
                return wholeCharacters(json.unescape(starts[index], ends[index]));
            }
            int length = ends[index] - starts[index];
            // Ids are all different, and long values rarely repeat: keeping them would only push out those that do.
            return index == ID || length > TextCache.LONGEST ? new String(in, starts[index], length, StandardCharsets.UTF_8)
                    : texts.text(in, starts[index], ends[index]);
        }

        String text(int index) {
            requireString(index, "a string");
            String name = FIELDS[index];
            String value = string(index);
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
            Kind kind = kind(index);
            String name = FIELDS[index];
            if (kind != Kind.NUMBER) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + name + "' must be an integer, got " + kind);
            }
            int start = starts[index];
            int end = ends[index];
            int small = smallInteger(in, start, end);
            if (small != NOT_SMALL) {
                if (small < min || small > max) {
                    throw outOfRange(name, Integer.toString(small), min, max);
                }
                return small;
            }
            String written = new String(in, start, end - start, StandardCharsets.ISO_8859_1);
            BigDecimal decimal = decimal(written);
            // As in JSON Schema, a number with no fractional part is an integer even when written 19.0.
            if (decimal == null ? written.contains("e-") || written.contains("E-")
                    : !isWhole(decimal)) {
                throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                        "field '" + name + "' must be an integer, got NUMBER");
            }
            if (decimal == null || decimal.compareTo(BigDecimal.valueOf(min)) < 0
                    || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange(name, abbreviate(written), min, max);
            }
            return decimal.intValue();
        }

        LocalDate date(int index) {
            requireString(index, "a yyyy-MM-dd string");
            LocalDate date;
            if (escaped[index]) {
                byte[] unescaped = string(index).getBytes(StandardCharsets.UTF_8);
                date = isoDate(unescaped, 0, unescaped.length);
            } else {
                date = isoDate(in, starts[index], ends[index]);
            }
            if (date == null) {
                throw new InvalidEnrollmentException(RejectReason.INVALID_DATE,
                        "field '" + FIELDS[index] + "' is '" + abbreviate(string(index)) + "', not a real yyyy-MM-dd date");
            }
            return date;
        }

        /** Whether the key is byte for byte the id as written; if not, the caller compares them as text. */
        boolean idIs(byte[] key) {
            return key != null && kinds[ID] == Kind.STRING && !escaped[ID]
                    && key.length == ends[ID] - starts[ID] && Utf8.sameBytes(key, 0, in, starts[ID], key.length);
        }
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
     * One division with a small quotient: stripping zeros one by one took milliseconds on 4 KiB of digits. A
     * number with fewer digits than its scale lies strictly between -1 and 1, so that one is answered first:
     * {@code setScale} would build ten to the scale's power, minutes and gigabytes for 1e-300000000.
     */
    private static boolean isWhole(BigDecimal decimal) {
        if (decimal.scale() <= 0 || decimal.signum() == 0) {
            return true;
        }
        return decimal.scale() < decimal.precision() && decimal.setScale(0, RoundingMode.DOWN).compareTo(decimal) == 0;
    }

    private static final int NOT_SMALL = Integer.MIN_VALUE;

    /** A number written as up to nine digits, maybe negative, as nearly every one is; else {@link #NOT_SMALL}. */
    private static int smallInteger(byte[] in, int start, int end) {
        boolean negative = in[start] == '-';
        int first = negative ? start + 1 : start;
        if (end - first > 9) {
            return NOT_SMALL;
        }
        int value = 0;
        for (int i = first; i < end; i++) {
            int digit = in[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_SMALL;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private Fields readObject(byte[] value) {
        JsonReader json = new JsonReader(value);
        Kind kind = json.start();
        if (kind != Kind.OBJECT) {
            throw new InvalidEnrollmentException(RejectReason.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (kind == null ? "nothing" : kind));
        }
        Fields fields = new Fields(json, value);
        // Producers write the fields in one order: each name is tried first as the one after the last.
        int likely = 0;
        int index;
        while ((index = json.nextName(FIELD_NAMES, likely)) != JsonReader.END_OF_OBJECT) {
            if (index == JsonReader.UNKNOWN_NAME) {
                json.skipValue();
            } else {
                fields.read(index);
                likely = index + 1;
            }
        }
        json.finish();
        return fields;
    }

    /** A real calendar date written exactly yyyy-MM-dd in {@code in[start..end)}, or null; by hand, as a formatter is slow. */
    private LocalDate isoDate(byte[] in, int start, int end) {
        if (end - start != 10 || in[start + 4] != '-' || in[start + 7] != '-') {
            return null;
        }
        int year = digits(in, start, start + 4);
        int month = digits(in, start + 5, start + 7);
        int day = digits(in, start + 8, start + 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        int slot = (year * 12 * 31 + month * 31 + day) & (DATE_SLOTS - 1);
        LocalDate cached = dates[slot];
        if (cached != null && cached.getDayOfMonth() == day && cached.getMonthValue() == month && cached.getYear() == year) {
            return cached;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            dates[slot] = date;
            return date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(byte[] in, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            byte c = in[i];
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

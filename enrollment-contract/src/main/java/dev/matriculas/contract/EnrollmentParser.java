package dev.matriculas.contract;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Kafka record into an {@link Enrollment}, enforcing the contract strictly: a JSON object with all
 * ten fields of the right JSON types, texts non-blank and at most {@value #MAX_TEXT_LENGTH} characters, ages
 * {@value #MIN_AGE}..{@value #MAX_AGE}, durations {@value #MIN_DURATION}..{@value #MAX_DURATION}, real dates,
 * UTF-8 throughout and a key equal to {@code id_matricula}. Unknown extra fields are ignored.
 * Thread-safe.
 */
public final class EnrollmentParser {

    public static final int MAX_RECORD_BYTES = 4096;
    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MIN_AGE = 0;
    public static final int MAX_AGE = 120;
    public static final int MIN_DURATION = 1;
    public static final int MAX_DURATION = 20;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        JsonNode json = readObject(value);
        Enrollment enrollment = new Enrollment(
                text(json, "id_matricula"),
                text(json, "ds_curso_nome"),
                text(json, "ds_curso_turno"),
                integer(json, "ds_curso_duracao", MIN_DURATION, MAX_DURATION),
                date(json, "ds_curso_inicio"),
                integer(json, "ds_aluno_idade", MIN_AGE, MAX_AGE),
                text(json, "ds_aluno_sexo"),
                text(json, "ds_aluno_responsavel_financeiro"),
                text(json, "ds_matricula_pagamento"),
                date(json, "dt_matricula"));
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

    /**
     * Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), checked in place: records are
     * read by the ten thousand a second, and a decoder would first copy each into a new string.
     */
    static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
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

    private JsonNode readObject(byte[] value) {
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEnrollmentException(RejectReason.MALFORMED_JSON,
                    "not JSON: " + abbreviate(e.getOriginalMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidEnrollmentException(RejectReason.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (json == null || json.isMissingNode() ? "nothing" : json.getNodeType()));
        }
        return json;
    }

    private static JsonNode field(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidEnrollmentException(RejectReason.MISSING_FIELD, "field '" + name + "' is missing or null");
        }
        return node;
    }

    private static String text(JsonNode json, String name) {
        JsonNode node = field(json, name);
        if (!node.isString()) {
            throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                    "field '" + name + "' must be a string, got " + node.getNodeType());
        }
        String value = node.asString();
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

    private static int integer(JsonNode json, String name, int min, int max) {
        JsonNode node = field(json, name);
        // As in JSON Schema, a number with no fractional part is an integer even when written 19.0.
        if (!node.isIntegralNumber() && !(node.isNumber() && node.canConvertToExactIntegral())) {
            throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                    "field '" + name + "' must be an integer, got " + node.getNodeType());
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new InvalidEnrollmentException(RejectReason.OUT_OF_RANGE,
                    "field '" + name + "' is " + abbreviate(node.toString()) + ", outside " + min + ".." + max);
        }
        return node.intValue();
    }

    private static LocalDate date(JsonNode json, String name) {
        JsonNode node = field(json, name);
        if (!node.isString()) {
            throw new InvalidEnrollmentException(RejectReason.WRONG_TYPE,
                    "field '" + name + "' must be a yyyy-MM-dd string, got " + node.getNodeType());
        }
        try {
            return LocalDate.parse(node.asString(), DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidEnrollmentException(RejectReason.INVALID_DATE,
                    "field '" + name + "' is '" + abbreviate(node.asString()) + "', not a real yyyy-MM-dd date");
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

package dev.matriculas.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's validation of each record, rule by rule, and its agreement with the published schema:
 * whatever breaks a rule the schema can express is rejected by both.
 */
class EnrollmentParserTest {

    private static final String ID = "0190f0d2-7c1e-7a3b-8f00-123456789abc";
    private static final byte[] KEY = ID.getBytes(StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EnrollmentParser parser = new EnrollmentParser();

    @Test
    void readsAValidRecordIntoAnEnrollment() {
        assertThat(parser.parse(KEY, bytes(valid()))).isEqualTo(new Enrollment(ID, "Edificações", "Noite", 5,
                LocalDate.of(2024, 2, 1), 19, "Não Declarado", "Não", "Boleto à Vista", LocalDate.of(2024, 1, 20)));
        assertThat(EnrollmentSchema.violations(bytes(valid()))).isEmpty();
    }

    @Test
    void ignoresUnknownExtraFields() {
        ObjectNode json = valid();
        json.put("ds_observacao", "campo novo de outro produtor");
        json.putObject("metadados").put("versao", 2);

        assertThat(parser.parse(KEY, bytes(json)).id()).isEqualTo(ID);
        assertThat(EnrollmentSchema.violations(bytes(json))).isEmpty();
    }

    @Test
    void acceptsTheLimitsOfEveryRange() {
        String hundredCodePoints = "😀".repeat(EnrollmentParser.MAX_TEXT_LENGTH);
        ObjectNode json = valid();
        json.put("ds_aluno_idade", EnrollmentParser.MAX_AGE);
        json.put("ds_curso_duracao", EnrollmentParser.MIN_DURATION);
        json.put("ds_curso_nome", hundredCodePoints);
        json.put("dt_matricula", "2024-02-29");

        Enrollment enrollment = parser.parse(KEY, bytes(json));

        assertThat(enrollment.age()).isEqualTo(120);
        assertThat(enrollment.course()).isEqualTo(hundredCodePoints);
        assertThat(EnrollmentSchema.violations(bytes(json))).isEmpty();
    }

    @Test
    void readsAWholeNumberWrittenWithAFractionAsTheSchemaDoes() {
        ObjectNode json = valid();
        json.put("ds_aluno_idade", 19.0);

        assertThat(parser.parse(KEY, bytes(json)).age()).isEqualTo(19);
        assertThat(EnrollmentSchema.violations(bytes(json))).isEmpty();
    }

    static Stream<Arguments> recordsThatBreakARuleOfTheSchema() {
        return Stream.of(
                broken(RejectReason.MISSING_FIELD, "id_matricula absent", json -> json.remove("id_matricula")),
                broken(RejectReason.MISSING_FIELD, "ds_curso_nome absent", json -> json.remove("ds_curso_nome")),
                broken(RejectReason.MISSING_FIELD, "ds_curso_turno absent", json -> json.remove("ds_curso_turno")),
                broken(RejectReason.MISSING_FIELD, "ds_curso_duracao absent", json -> json.remove("ds_curso_duracao")),
                broken(RejectReason.MISSING_FIELD, "ds_curso_inicio absent", json -> json.remove("ds_curso_inicio")),
                broken(RejectReason.MISSING_FIELD, "ds_aluno_idade absent", json -> json.remove("ds_aluno_idade")),
                broken(RejectReason.MISSING_FIELD, "ds_aluno_sexo absent", json -> json.remove("ds_aluno_sexo")),
                broken(RejectReason.MISSING_FIELD, "ds_aluno_responsavel_financeiro absent",
                        json -> json.remove("ds_aluno_responsavel_financeiro")),
                broken(RejectReason.MISSING_FIELD, "ds_matricula_pagamento absent", json -> json.remove("ds_matricula_pagamento")),
                broken(RejectReason.MISSING_FIELD, "dt_matricula absent", json -> json.remove("dt_matricula")),
                broken(RejectReason.MISSING_FIELD, "null course", json -> json.putNull("ds_curso_nome")),
                broken(RejectReason.WRONG_TYPE, "duration as a string", json -> json.put("ds_curso_duracao", "5")),
                broken(RejectReason.WRONG_TYPE, "age with a fraction", json -> json.put("ds_aluno_idade", 19.5)),
                broken(RejectReason.WRONG_TYPE, "age as a boolean", json -> json.put("ds_aluno_idade", true)),
                broken(RejectReason.WRONG_TYPE, "course as a number", json -> json.put("ds_curso_nome", 3)),
                broken(RejectReason.WRONG_TYPE, "shift as an object", json -> json.putObject("ds_curso_turno")),
                broken(RejectReason.WRONG_TYPE, "id as an array", json -> json.putArray("id_matricula").add(ID)),
                broken(RejectReason.WRONG_TYPE, "date as a number", json -> json.put("dt_matricula", 20240120)),
                broken(RejectReason.BLANK_TEXT, "empty payment", json -> json.put("ds_matricula_pagamento", "")),
                broken(RejectReason.BLANK_TEXT, "blank sex", json -> json.put("ds_aluno_sexo", " \t ")),
                broken(RejectReason.TEXT_TOO_LONG, "101 characters",
                        json -> json.put("ds_curso_nome", "x".repeat(EnrollmentParser.MAX_TEXT_LENGTH + 1))),
                broken(RejectReason.OUT_OF_RANGE, "negative age", json -> json.put("ds_aluno_idade", -1)),
                broken(RejectReason.OUT_OF_RANGE, "age over 120", json -> json.put("ds_aluno_idade", 121)),
                broken(RejectReason.OUT_OF_RANGE, "zero duration", json -> json.put("ds_curso_duracao", 0)),
                broken(RejectReason.OUT_OF_RANGE, "duration over 20", json -> json.put("ds_curso_duracao", 21)),
                broken(RejectReason.OUT_OF_RANGE, "age beyond a long",
                        json -> json.put("ds_aluno_idade", new BigInteger("100000000000000000000"))),
                broken(RejectReason.OUT_OF_RANGE, "age in exponent notation", json -> json.put("ds_aluno_idade", 1e20)),
                broken(RejectReason.INVALID_DATE, "30 February", json -> json.put("dt_matricula", "2024-02-30")),
                broken(RejectReason.INVALID_DATE, "month 13", json -> json.put("ds_curso_inicio", "2024-13-01")),
                broken(RejectReason.INVALID_DATE, "day first", json -> json.put("dt_matricula", "20/01/2024")),
                broken(RejectReason.INVALID_DATE, "no leading zeros", json -> json.put("dt_matricula", "2024-1-20")),
                broken(RejectReason.INVALID_DATE, "two-digit year", json -> json.put("dt_matricula", "24-01-20")),
                broken(RejectReason.INVALID_DATE, "signed year", json -> json.put("dt_matricula", "+2024-01-20")),
                broken(RejectReason.INVALID_DATE, "date and time", json -> json.put("dt_matricula", "2024-01-20T10:00:00")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("recordsThatBreakARuleOfTheSchema")
    void rejectsWhatTheSchemaRejects(RejectReason reason, String what, ObjectNode json) {
        assertRejected(KEY, bytes(json), reason);
        assertThat(EnrollmentSchema.violations(bytes(json))).as("schema violations").isNotEmpty();
    }

    @Test
    void rejectsAnOversizedRecordBeforeReadingIt() {
        ObjectNode json = valid();
        json.put("padding", "x".repeat(EnrollmentParser.MAX_RECORD_BYTES));

        assertRejected(KEY, bytes(json), RejectReason.OVERSIZED);
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] latin1 = valid().toString().getBytes(StandardCharsets.ISO_8859_1);

        assertRejected(KEY, latin1, RejectReason.INVALID_UTF8);
    }

    @Test
    void rejectsAKeyThatIsNotUtf8() {
        byte[] key = {(byte) 0xC3, (byte) 0x28};

        assertRejected(key, bytes(valid()), RejectReason.INVALID_UTF8);
    }

    /**
     * Bytes that are not UTF-8 (a surrogate, overlong forms, past U+10FFFF, a stray continuation byte, a lead byte
     * UTF-8 never uses, a sequence cut short), wherever they are: in a value, a name, a nested string, between
     * tokens, after the object, or after a fault that would be found first. The reason is always the bytes.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("notUtf8Anywhere")
    void rejectsBytesThatAreNotUtf8WhereverTheyAre(String sequence, String place) {
        byte[] value = withBytes(place, HexFormat.of().parseHex(sequence));

        assertRejected(KEY, value, RejectReason.INVALID_UTF8);
    }

    static Stream<Arguments> notUtf8Anywhere() {
        String record = valid().toString();
        List<String> places = List.of(
                record.replace("Noite", "No§ite"),
                record.replace("Edificações", "Edificaç§ões"),
                record.replace("\"ds_aluno_sexo\"", "\"ds_aluno§_sexo\""),
                record.replace("}", ",\"extra\":{\"a\":[\"§\"]}}"),
                record.replace(",\"ds_aluno_idade\"", " §,\"ds_aluno_idade\""),
                record + "§",
                record.replace("{", "{\"dt_matricula\":\"2024-01-01\",") + "§",
                record.replace("\"Noite\"", "\"Noite§\""));
        return Stream.of("eda080", "c0af", "e080af", "f4908080", "80", "f5", "c3").flatMap(sequence ->
                places.stream().map(place -> Arguments.of(sequence, place)));
    }

    /** Each boundary of UTF-8's one- to four-byte forms is text; the same character cut short is not. */
    @ParameterizedTest
    @ValueSource(ints = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF})
    void readsEveryBoundaryCodePointAndRefusesItCutShort(int codePoint) {
        byte[] character = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
        String place = valid().toString().replace("Edificações", "ab§");

        assertThat(parser.parse(KEY, withBytes(place, character)).course()).isEqualTo("ab" + Character.toString(codePoint));
        if (character.length > 1) {
            assertRejected(KEY, withBytes(place, Arrays.copyOf(character, character.length - 1)), RejectReason.INVALID_UTF8);
        }
    }

    /** Each breaks JSON's grammar once: the record is malformed, whatever the rest of it holds. */
    @ParameterizedTest
    @ValueSource(strings = {"{",
            "{\"id_matricula\":}",
            "nada",
            "{'id_matricula':'1'}",
            "{\"a\":1,}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":NaN}",
            "{\"a\":tru}",
            "{\"a\":truex}",
            "{\"a\":nul}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\" 1}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":[1,2}",
            "{\"a\":{\"b\":1]}",
            "{\"a\":[1,]}",
            "{\"a\":\"open}",
            "{\"a\":1}}",
            "{,}"})
    void rejectsTextThatIsNotJson(String text) {
        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
        assertThat(EnrollmentSchema.violations(text)).isNotEmpty();
    }

    /** 500 containers deep at most, the record's own object included, as Jackson's default limit. */
    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":"})
    void rejectsValuesNestedDeeperThanJacksonAllows(String open) {
        String close = open.equals("[") ? "]" : "}";
        String deepest = valid().toString().replace("{", "{\"extra\":" + open.repeat(499) + "1" + close.repeat(499) + ",");
        String tooDeep = valid().toString().replace("{", "{\"extra\":" + open.repeat(500) + "1" + close.repeat(500) + ",");

        assertThat(parser.parse(KEY, deepest.getBytes(StandardCharsets.UTF_8)).id()).isEqualTo(ID);
        assertRejected(KEY, tooDeep.getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
    }

    /**
     * A number too large for a {@code BigDecimal}'s exponent is still only a wrong value, never a crash; one just
     * within it is judged without building ten to its power (1e-300000000 took minutes and gigabytes).
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e99999999999", "-1E+99999999999", "1.5e-2147483647", "1e-2147483648",
            "0e-99999999999", "1e-300000000", "-2.5e-600000000"})
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void judgesNumbersWithHugeExponentsByTheirValue(String number) {
        String text = valid().toString().replaceFirst("\"ds_aluno_idade\":\\d+", "\"ds_aluno_idade\":" + number);
        byte[] value = text.getBytes(StandardCharsets.UTF_8);

        switch (number) {
            case "0e-99999999999" -> assertThat(parser.parse(KEY, value).age()).isZero();
            case "1.5e-2147483647", "1e-2147483648", "1e-300000000", "-2.5e-600000000" ->
                    assertRejected(KEY, value, RejectReason.WRONG_TYPE);
            default -> assertRejected(KEY, value, RejectReason.OUT_OF_RANGE);
        }
    }

    @Test
    void readsDatesWrittenWithEscapes() {
        String text = valid().toString().replace("\"2024-02-01\"", "\"2024\\u002d02-01\"");

        assertThat(text).contains("\\u002d");
        assertThat(parser.parse(KEY, text.getBytes(StandardCharsets.UTF_8)).courseStart()).isEqualTo(LocalDate.of(2024, 2, 1));
    }

    /** JSON lets a \\u escape name half of a surrogate pair alone; that is no Unicode text, and no UTF-8 could hold it. */
    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "Curso \\ud83d", "\\ude00 Curso", "\\ud83d\\ud83d\\ude00\\ude00"})
    void refusesAnEscapeThatNamesHalfASurrogatePairAlone(String escaped) {
        String text = valid().toString().replace("\"Edificações\"", "\"" + escaped + "\"");

        assertThat(text).contains(escaped);
        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.INVALID_UTF8);
    }

    @Test
    void readsAPairOfSurrogateEscapesAsOneCharacter() {
        String text = valid().toString().replace("\"Edificações\"", "\"Curso \\ud83d\\ude00\"");

        assertThat(parser.parse(KEY, text.getBytes(StandardCharsets.UTF_8)).course()).isEqualTo("Curso 😀");
    }

    @Test
    void ignoresAByteOrderMarkAsRfc8259Allows() {
        byte[] json = bytes(valid());
        byte[] withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);

        assertThat(parser.parse(KEY, withMark)).isEqualTo(parser.parse(KEY, json));
    }

    @Test
    void readsTheSameRecordWhateverItsLayoutOrEscapes() {
        String layout = """
                {
                  "extra" : [1, -2.5E+3, 0.0, true, false, null, {"x": ["y", {}], "\\u00e9": "\\"\\\\\\/\\b\\f\\n\\r\\t"}, []],
                  "dt_matricula" : "2024-01-20", "ds_curso_duracao" : 5 ,
                  "id\\u005fmatricula" :\t"%s",
                  "ds_curso_nome" : "Edifica\\u00e7\\u00f5es",
                  "ds_curso_turno":"Noite","ds_curso_inicio":"2024-02-01","ds_aluno_idade":19,
                  "ds_aluno_sexo":"N\\u00e3o Declarado","ds_aluno_responsavel_financeiro":"Não",
                  "ds_matricula_pagamento":"Boleto \\u00e0 Vista", "emoji": "\\ud83d\\ude00"
                }
                """.formatted("\\u0030" + ID.substring(1));

        assertThat(parser.parse(KEY, layout.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(parser.parse(KEY, bytes(valid())));
    }

    /** A name that only starts or nearly ends like a field's is another field. */
    @ParameterizedTest
    @ValueSource(strings = {"ds_curso_nome_x", "ds_curso_nom", "ds_curso_nomf", "Ds_curso_nome"})
    void aNameOnlyLikeTheExpectedOneIsAnotherField(String name) {
        String text = valid().toString().replace("\"ds_curso_nome\":", "\"" + name + "\":");

        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.MISSING_FIELD);
    }

    /** Whatever sits at any place of a string, and a value ending on the record's last bytes. */
    @Test
    void readsEverySpecialCharacterAtEveryPlaceOfAString() {
        for (int at = 0; at <= 17; at++) {
            String head = "x".repeat(at);
            for (String special : new String[] {"é", "€", "😀", "\"", "\\", "/", "\n", "\u00e9"}) {
                ObjectNode json = valid();
                json.put("ds_curso_nome", head + special + "y");
                assertThat(parser.parse(KEY, bytes(json)).course()).as("%s at %d", special, at).isEqualTo(head + special + "y");
            }
            String raw = valid().toString().replace("Edificações", head + "\u0001");
            assertRejected(KEY, raw.getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
        }
        String last = valid().toString();
        ObjectNode endsOnAString = valid();
        endsOnAString.remove("dt_matricula");
        String text = endsOnAString.toString().replace("}", ",\"dt_matricula\":\"2024-01-20\"}");
        assertThat(parser.parse(KEY, text.getBytes(StandardCharsets.UTF_8))).isEqualTo(parser.parse(KEY, last.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEachRecordsOwnValuesWhateverCameBefore() {
        ObjectNode later = valid();
        later.put("ds_curso_nome", "Curso 2");
        later.put("dt_matricula", "2026-10-21");

        Enrollment first = parser.parse(KEY, bytes(valid()));
        Enrollment other = parser.parse(KEY, bytes(later));
        Enrollment again = parser.parse(KEY, bytes(valid()));

        assertThat(other.course()).isEqualTo("Curso 2");
        assertThat(other.enrollmentDate()).isEqualTo(LocalDate.of(2026, 10, 21));
        assertThat(again).isEqualTo(first);
    }

    /**
     * The parser's limits are the contract's; the published schema must draw each one at the same place: the
     * value at each limit is accepted by both, the one past it rejected by both.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("eachSideOfEachLimit")
    void theSchemaDrawsEachLimitWhereTheParserDoes(String field, Object value, boolean accepted) {
        ObjectNode json = valid();
        json.putPOJO(field, value);

        if (accepted) {
            assertThat(parser.parse(KEY, bytes(json))).isNotNull();
            assertThat(EnrollmentSchema.violations(bytes(json))).isEmpty();
        } else {
            assertThatThrownBy(() -> parser.parse(KEY, bytes(json))).isInstanceOf(InvalidEnrollmentException.class);
            assertThat(EnrollmentSchema.violations(bytes(json))).isNotEmpty();
        }
    }

    static Stream<Arguments> eachSideOfEachLimit() {
        String longest = "é".repeat(EnrollmentParser.MAX_TEXT_LENGTH);
        return Stream.of(
                Arguments.of("ds_aluno_idade", EnrollmentParser.MIN_AGE, true),
                Arguments.of("ds_aluno_idade", EnrollmentParser.MIN_AGE - 1, false),
                Arguments.of("ds_aluno_idade", EnrollmentParser.MAX_AGE, true),
                Arguments.of("ds_aluno_idade", EnrollmentParser.MAX_AGE + 1, false),
                Arguments.of("ds_curso_duracao", EnrollmentParser.MIN_DURATION, true),
                Arguments.of("ds_curso_duracao", EnrollmentParser.MIN_DURATION - 1, false),
                Arguments.of("ds_curso_duracao", EnrollmentParser.MAX_DURATION, true),
                Arguments.of("ds_curso_duracao", EnrollmentParser.MAX_DURATION + 1, false),
                Arguments.of("ds_aluno_sexo", longest, true),
                Arguments.of("ds_aluno_sexo", longest + "é", false),
                Arguments.of("ds_aluno_sexo", "x", true),
                Arguments.of("ds_aluno_sexo", "", false));
    }

    @Test
    void rejectsAValidObjectFollowedByMoreContent() {
        String text = valid().toString() + " {}";

        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
    }

    /** A first value that is null still makes the second a duplicate. */
    @ParameterizedTest
    @ValueSource(strings = {"\"Administração\"", "null"})
    void rejectsDuplicateKeysRatherThanGuessWhichOneCounts(String first) {
        String text = valid().toString().replace("{", "{\"ds_curso_nome\":" + first + ",");

        assertThatThrownBy(() -> parser.parse(KEY, text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidEnrollmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON))
                .hasMessageContaining("ds_curso_nome");
    }

    /** A name twice in any one object, whether the contract reads it or not: which value counts would be a guess. */
    @ParameterizedTest
    @ValueSource(strings = {"\"ds_observacao\":1,\"ds_observacao\":2,", "\"extra\":{\"id_matricula\":\"a\",\"id_matricula\":\"b\"},"})
    void rejectsRepeatedNamesInFieldsItDoesNotReadToo(String repeated) {
        String text = valid().toString().replace("{", "{" + repeated);

        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
    }

    /** Read to its end like any other record: the repeat makes it malformed before its type is judged. */
    @Test
    void rejectsARepeatedNameInsideAFieldAsMalformed() {
        ObjectNode record = valid();
        record.putObject("ds_aluno_sexo");
        String text = record.toString().replace("\"ds_aluno_sexo\":{}", "\"ds_aluno_sexo\":{\"a\":1,\"a\":2}");

        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
    }

    @Test
    void readsTheSameNameInDifferentObjects() {
        String text = valid().toString().replace("{", "{\"extra\":{\"id_matricula\":\"a\",\"ds_curso_nome\":1},");

        assertThat(parser.parse(KEY, text.getBytes(StandardCharsets.UTF_8))).isEqualTo(parser.parse(KEY, bytes(valid())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"matrícula\"", "null", "true", "", "   "})
    void rejectsJsonThatIsNotAnObject(String text) {
        assertRejected(KEY, text.getBytes(StandardCharsets.UTF_8), RejectReason.NOT_AN_OBJECT);
    }

    @Test
    void rejectsARecordWithoutAKey() {
        assertRejected(null, bytes(valid()), RejectReason.KEY_MISMATCH);
    }

    @Test
    void rejectsAKeyThatIsNotTheId() {
        assertRejected("outra-chave".getBytes(StandardCharsets.UTF_8), bytes(valid()), RejectReason.KEY_MISMATCH);
    }

    @Test
    void everyReasonHasADistinctCodeForOperators() {
        assertThat(Stream.of(RejectReason.values()).map(RejectReason::code).distinct())
                .hasSize(RejectReason.values().length)
                .allMatch(code -> code.matches("[a-z0-9-]+"));
    }

    private void assertRejected(byte[] key, byte[] value, RejectReason reason) {
        assertThatThrownBy(() -> parser.parse(key, value))
                .isInstanceOfSatisfying(InvalidEnrollmentException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith(reason.code() + ": ");
    }

    /** The text with the bytes in place of its '§'. */
    private static byte[] withBytes(String place, byte[] inserted) {
        String[] around = place.split("§", 2);
        byte[] head = around[0].getBytes(StandardCharsets.UTF_8);
        byte[] tail = around[1].getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[head.length + inserted.length + tail.length];
        System.arraycopy(head, 0, value, 0, head.length);
        System.arraycopy(inserted, 0, value, head.length, inserted.length);
        System.arraycopy(tail, 0, value, head.length + inserted.length, tail.length);
        return value;
    }

    private static Arguments broken(RejectReason reason, String what, Consumer<ObjectNode> change) {
        ObjectNode json = valid();
        change.accept(json);
        return Arguments.of(reason, what, json);
    }

    private static ObjectNode valid() {
        ObjectNode json = JSON.createObjectNode();
        json.put("id_matricula", ID);
        json.put("ds_curso_nome", "Edificações");
        json.put("ds_curso_turno", "Noite");
        json.put("ds_curso_duracao", 5);
        json.put("ds_curso_inicio", "2024-02-01");
        json.put("ds_aluno_idade", 19);
        json.put("ds_aluno_sexo", "Não Declarado");
        json.put("ds_aluno_responsavel_financeiro", "Não");
        json.put("ds_matricula_pagamento", "Boleto à Vista");
        json.put("dt_matricula", "2024-01-20");
        return json;
    }

    private static byte[] bytes(ObjectNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}

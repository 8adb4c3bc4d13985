package dev.matriculas.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict reader (RFC 8259) of one JSON object, straight from its UTF-8 bytes: the caller takes each field's
 * value or skips it. The dashboard replays whole topics through it; a general JSON parser spent as much time on
 * each record as Kafka spends fetching it, mostly on field names and on strings for values nobody reads. This
 * one compares names as bytes, scans strings eight bytes at a time, and makes a string only for the values asked
 * for. Anything that is not JSON is {@link RejectReason#MALFORMED_JSON}; strings are checked to be UTF-8 as they
 * are scanned ({@link RejectReason#INVALID_UTF8}), and outside them JSON is ASCII.
 */
final class JsonReader {

    /** What a JSON value is, in the words error messages use. */
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    static final int END_OF_OBJECT = -1;
    static final int UNKNOWN_NAME = -2;
    /**
     * Containers nested deeper than this, the record's own object included, are refused, as by Jackson's default
     * limit: a 4 KiB record could otherwise nest two thousand arrays.
     */
    private static final int MAX_DEPTH = 500;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final byte[] in;
    private int at;
    private boolean afterMember;
    /** Whether the string last scanned holds escapes, and so cannot be compared or copied as bytes. */
    private boolean escaped;
    private int end;

    JsonReader(byte[] in) {
        this.in = in;
    }

    /**
     * What the document holds: inside it when it is an object, ready for {@link #nextName}; a scalar is read
     * whole (it may be malformed); an array is left unread. Null when there is no value at all.
     */
    Kind start() {
        // RFC 8259 lets a reader ignore a byte order mark; Jackson does, and so do we.
        if (Arrays.equals(in, 0, Math.min(3, in.length), BYTE_ORDER_MARK, 0, 3)) {
            at = BYTE_ORDER_MARK.length;
        }
        skipWhitespace();
        if (at == in.length) {
            return null;
        }
        Kind kind = kindAt();
        if (kind == Kind.OBJECT) {
            at++;
        } else if (kind != Kind.ARRAY) {
            skipValue(0);
        }
        return kind;
    }

    /**
     * Moves to the next field's value and says whose it is: its index in {@code names} (tried first at
     * {@code likely}, as producers write fields in the same order), {@link #UNKNOWN_NAME}, or
     * {@link #END_OF_OBJECT} once the object is closed.
     */
    int nextName(byte[][] names, int likely) {
        skipWhitespace();
        if (afterMember) {
            byte separator = next("',' or '}'");
            if (separator == '}') {
                return END_OF_OBJECT;
            }
            if (separator != ',') {
                throw malformed("expected ',' or '}'", at - 1);
            }
            skipWhitespace();
        } else if (peek("a field name or '}'") == '}') {
            at++;
            return END_OF_OBJECT;
        }
        afterMember = true;
        int name = nameAt(names, likely);
        skipWhitespace();
        if (next("':'") != ':') {
            throw malformed("expected ':' after a field name", at - 1);
        }
        skipWhitespace();
        return name;
    }

    /** The kind of the value at hand. */
    Kind peekKind() {
        peek("a value");
        return kindAt();
    }

    /**
     * Steps over the string at hand and returns where its content starts; {@link #end()} is where it ends and
     * {@link #escaped()} says whether it holds escapes. No string is made: the caller decides whether one is needed.
     */
    int skipString() {
        int start = at + 1;
        end = endOfString(at);
        at = end + 1;
        return start;
    }

    /** Steps over the number at hand (checked against JSON's grammar) and returns where it starts. */
    int skipNumber() {
        int start = at;
        number();
        end = at;
        return start;
    }

    /** Where the string or number last stepped over ends (exclusive): read it right after that step. */
    int end() {
        return end;
    }

    /** Whether the string last stepped over holds escapes: read it right after {@link #skipString}. */
    boolean escaped() {
        return escaped;
    }


    /** Steps over the value at hand, inside the record's object. */
    void skipValue() {
        skipValue(1);
    }

    /** After the object: nothing but whitespace may follow. */
    void finish() {
        skipWhitespace();
        if (at < in.length) {
            throw malformed("more content after the object", at);
        }
    }

    private int nameAt(byte[][] names, int likely) {
        if (peek("a field name") != '"') {
            throw malformed("expected a field name in double quotes", at);
        }
        if (likely < names.length && isNameAt(names[likely])) {
            at += names[likely].length + 2;
            return likely;
        }
        int start = at + 1;
        int end = endOfString(at);
        at = end + 1;
        byte[] name = in;
        if (escaped) {
            // Rare: compare the name as it reads, not as it is written.
            name = unescape(start, end).getBytes(StandardCharsets.UTF_8);
            start = 0;
            end = name.length;
        }
        for (int i = 0; i < names.length; i++) {
            if (Arrays.equals(name, start, end, names[i], 0, names[i].length)) {
                return i;
            }
        }
        return UNKNOWN_NAME;
    }

    /**
     * Whether the string at hand is exactly {@code name}: its bytes, then the closing quote. Names hold no quote,
     * escape or control character, so no scan is needed.
     */
    private boolean isNameAt(byte[] name) {
        int close = at + 1 + name.length;
        return close < in.length && in[close] == '"' && Utf8.sameBytes(in, at + 1, name, 0, name.length);
    }

    private Kind kindAt() {
        byte c = in[at];
        return switch (c) {
            case '{' -> Kind.OBJECT;
            case '[' -> Kind.ARRAY;
            case '"' -> Kind.STRING;
            case 't', 'f' -> Kind.BOOLEAN;
            case 'n' -> Kind.NULL;
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield Kind.NUMBER;
                }
                throw malformed("unexpected character '" + printable(c) + "'", at);
            }
        };
    }

    /** Steps over the value at hand, inside {@code depth} containers. */
    private void skipValue(int depth) {
        switch (peekKind()) {
            case STRING -> at = endOfString(at) + 1;
            case NUMBER -> number();
            case BOOLEAN -> literal(in[at] == 't' ? "true" : "false");
            case NULL -> literal("null");
            case OBJECT -> skipContainer('}', depth + 1, true);
            case ARRAY -> skipContainer(']', depth + 1, false);
        }
    }

    /** Steps over the container at hand, itself the {@code depth}th one deep. */
    private void skipContainer(char close, int depth, boolean object) {
        if (depth > MAX_DEPTH) {
            throw malformed("nested more than " + MAX_DEPTH + " deep", at);
        }
        at++;
        skipWhitespace();
        if (peek("a value or '" + close + "'") == close) {
            at++;
            return;
        }
        while (true) {
            if (object) {
                if (peek("a field name") != '"') {
                    throw malformed("expected a field name in double quotes", at);
                }
                at = endOfString(at) + 1;
                skipWhitespace();
                if (next("':'") != ':') {
                    throw malformed("expected ':' after a field name", at - 1);
                }
                skipWhitespace();
            }
            skipValue(depth);
            skipWhitespace();
            byte separator = next("',' or '" + close + "'");
            if (separator == close) {
                return;
            }
            if (separator != ',') {
                throw malformed("expected ',' or '" + close + "'", at - 1);
            }
            skipWhitespace();
        }
    }

    /** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, and then no letter or digit. */
    private void number() {
        int start = at;
        if (in[at] == '-') {
            at++;
        }
        if (at < in.length && in[at] == '0') {
            at++;
        } else if (digits() == 0) {
            throw malformed("a number needs digits", start);
        }
        if (at < in.length && in[at] == '.') {
            at++;
            if (digits() == 0) {
                throw malformed("a number needs digits after its '.'", start);
            }
        }
        if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
            at++;
            if (at < in.length && (in[at] == '+' || in[at] == '-')) {
                at++;
            }
            if (digits() == 0) {
                throw malformed("a number needs digits in its exponent", start);
            }
        }
        endOfToken(start);
    }

    private int digits() {
        int start = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            at++;
        }
        return at - start;
    }

    private void literal(String word) {
        int start = at;
        for (int i = 0; i < word.length(); i++, at++) {
            if (at == in.length || in[at] != word.charAt(i)) {
                throw malformed("unknown word (true, false and null are JSON's)", start);
            }
        }
        endOfToken(start);
    }

    /** A number or word runs on to the next delimiter: "01", "1x" and "nullx" are not JSON. */
    private void endOfToken(int start) {
        if (at < in.length) {
            byte c = in[at];
            boolean delimiter = c == ',' || c == '}' || c == ']' || isWhitespace(c);
            if (!delimiter) {
                throw malformed("unexpected '" + printable(c) + "' after a value", start);
            }
        }
    }

    /**
     * The index of the quote that closes the string opening at {@code quote}, its UTF-8 checked; notes whether
     * it has escapes.
     */
    private int endOfString(int quote) {
        escaped = false;
        int i = quote + 1;
        while (true) {
            if (i + Long.BYTES <= in.length) {
                int special = Utf8.firstSpecialInJsonText(Utf8.eightBytes(in, i));
                i += special;
                if (special == Long.BYTES) {
                    continue;
                }
            } else if (i == in.length) {
                throw malformed("the string is not closed", quote);
            }
            int c = in[i] & 0xFF;
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                escaped = true;
                i = endOfEscape(i) + 1;
            } else if (c < 0x20) {
                throw malformed("a control character inside a string must be escaped", i);
            } else if (c >= 0x80) {
                i = Utf8.sequenceEnd(in, i);
                if (i == Utf8.INVALID) {
                    throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, "the value is not valid UTF-8");
                }
            } else {
                i++;
            }
        }
    }

    /** The last byte of the escape starting at the backslash {@code at}. */
    private int endOfEscape(int backslash) {
        if (backslash + 1 == in.length) {
            throw malformed("the string is not closed", backslash);
        }
        return switch (in[backslash + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> backslash + 1;
            case 'u' -> {
                for (int i = backslash + 2; i < backslash + 6; i++) {
                    if (i == in.length || Character.digit(in[i], 16) < 0) {
                        throw malformed("\\u needs four hexadecimal digits", backslash);
                    }
                }
                yield backslash + 5;
            }
            default -> throw malformed("unknown escape '\\" + printable(in[backslash + 1]) + "'", backslash);
        };
    }

    /** The text between {@code start} and {@code end}, escapes resolved (already checked by {@link #endOfString}). */
    String unescape(int start, int end) {
        StringBuilder text = new StringBuilder(end - start);
        int run = start;
        for (int i = start; i < end; i++) {
            if (in[i] != '\\') {
                continue;
            }
            text.append(new String(in, run, i - run, StandardCharsets.UTF_8));
            char escape = (char) in[i + 1];
            switch (escape) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append((char) Integer.parseInt(new String(in, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
                default -> text.append(escape);
            }
            i = escape == 'u' ? i + 5 : i + 1;
            run = i + 1;
        }
        return text.append(new String(in, run, end - run, StandardCharsets.UTF_8)).toString();
    }

    private void skipWhitespace() {
        while (at < in.length && isWhitespace(in[at])) {
            at++;
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private byte peek(String expected) {
        if (at == in.length) {
            throw malformed("the document ends where " + expected + " should be", at);
        }
        return in[at];
    }

    private byte next(String expected) {
        byte c = peek(expected);
        at++;
        return c;
    }

    private static String printable(byte c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c & 0xFF);
    }

    private static InvalidEnrollmentException malformed(String what, int position) {
        return new InvalidEnrollmentException(RejectReason.MALFORMED_JSON, "not JSON: " + what + " (byte " + position + ")");
    }
}

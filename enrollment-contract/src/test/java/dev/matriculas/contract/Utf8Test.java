package dev.matriculas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The byte-level checks the reader relies on, against plain definitions and the JDK's own decoder. */
class Utf8Test {

    private static boolean needsASecondLook(int b) {
        return b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
    }

    private static int firstSpecialByDefinition(long word) {
        for (int i = 0; i < Long.BYTES; i++) {
            if (needsASecondLook((int) (word >>> (8 * i)) & 0xFF)) {
                return i;
            }
        }
        return Long.BYTES;
    }

    @Test
    void findsTheFirstOfEightBytesThatIsAQuoteABackslashAControlOrNonAscii() {
        long letters = 0x6161616161616161L;
        for (int position = 0; position < Long.BYTES; position++) {
            for (int b = 0; b < 256; b++) {
                long word = letters & ~(0xFFL << (8 * position)) | (long) b << (8 * position);
                assertThat(Utf8.firstSpecialInJsonText(word)).as("byte %02X at %d", b, position)
                        .isEqualTo(needsASecondLook(b) ? position : Long.BYTES);
            }
        }
        Random random = new Random(11);
        byte[] telling = {'"', '\\', 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x7F, (byte) 0x80, 0x00, 0x01, 'a'};
        for (int i = 0; i < 200_000; i++) {
            long word = 0;
            for (int k = 0; k < Long.BYTES; k++) {
                word |= (telling[random.nextInt(telling.length)] & 0xFFL) << (8 * k);
            }
            assertThat(Utf8.firstSpecialInJsonText(word)).as("%016X", word).isEqualTo(firstSpecialByDefinition(word));
        }
    }

    @Test
    void comparesRangesOfEveryLengthAsArraysEqualsDoes() {
        Random random = new Random(3);
        for (int length = 0; length <= 40; length++) {
            byte[] a = new byte[length + 5];
            random.nextBytes(a);
            byte[] b = new byte[length + 9];
            System.arraycopy(a, 2, b, 7, length);
            assertThat(Utf8.sameBytes(a, 2, b, 7, length)).as("length %d", length).isTrue();
            for (int differs = 0; differs < length; differs++) {
                b[7 + differs]++;
                assertThat(Utf8.sameBytes(a, 2, b, 7, length)).as("length %d, byte %d differs", length, differs).isFalse();
                b[7 + differs]--;
            }
        }
    }

    private static boolean validByTheJdk(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void agreesWithTheJdkOnEveryShortMixOfAsciiLeadAndContinuationBytes() {
        byte[] telling = {'a', 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF,
                (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF,
                (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
        Random random = new Random(5);
        for (int i = 0; i < 300_000; i++) {
            byte[] bytes = new byte[random.nextInt(14)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = telling[random.nextInt(telling.length)];
            }
            assertThat(Utf8.isValid(bytes)).as("%s", java.util.HexFormat.of().formatHex(bytes)).isEqualTo(validByTheJdk(bytes));
        }
    }

    @Test
    void acceptsEveryBoundaryCodePointAndRefusesItCutShort() {
        int[] boundaries = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF};
        for (int codePoint : boundaries) {
            byte[] whole = ("ab" + Character.toString(codePoint)).getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.isValid(whole)).as("U+%04X", codePoint).isTrue();
            if (codePoint >= 0x80) {
                byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
                assertThat(Utf8.isValid(cut)).as("U+%04X cut short", codePoint).isFalse();
            }
        }
    }
}

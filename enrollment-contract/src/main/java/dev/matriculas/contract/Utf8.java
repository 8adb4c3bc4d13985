package dev.matriculas.contract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), checked in place, and eight bytes
 * read as one {@code long}: records are read by the hundred thousand a second, and are mostly ASCII.
 */
final class Utf8 {

    static final int INVALID = -1;

    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    private Utf8() {
    }

    static boolean isValid(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (i + Long.BYTES <= bytes.length && (eightBytes(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
            } else if (bytes[i] >= 0) {
                i++;
            } else if ((i = sequenceEnd(bytes, i)) == INVALID) {
                return false;
            }
        }
        return true;
    }

    /** Where the multi-byte sequence whose lead byte is at {@code lead} ends (exclusive), or {@link #INVALID}. */
    static int sequenceEnd(byte[] bytes, int lead) {
        int first = bytes[lead] & 0xFF;
        if (first >= 0xC2 && first <= 0xDF) {
            // Two bytes, as for every accented Latin letter: no form of these is overlong.
            return lead + 1 < bytes.length && (bytes[lead + 1] & 0xC0) == 0x80 ? lead + 2 : INVALID;
        }
        int extra = first >= 0xE0 && first <= 0xEF ? 2 : first >= 0xF0 && first <= 0xF4 ? 3 : 0;
        if (extra == 0 || lead + extra >= bytes.length) {
            return INVALID;
        }
        int codePoint = first & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
            int next = bytes[lead + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return INVALID;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean overlongOrSurrogate = extra == 2 && (codePoint < 0x800 || (codePoint >= 0xD800 && codePoint <= 0xDFFF));
        boolean outOfRange = extra == 3 && (codePoint < 0x10000 || codePoint > 0x10FFFF);
        return overlongOrSurrogate || outOfRange ? INVALID : lead + extra + 1;
    }

    /** Bytes {@code at..at+7}, the first in the lowest bits. */
    static long eightBytes(byte[] bytes, int at) {
        return (long) EIGHT_BYTES.get(bytes, at);
    }

    /**
     * {@code a[aFrom..aFrom+length)} and {@code b[bFrom..bFrom+length)} hold the same bytes; both ranges must lie
     * inside their arrays. Eight at a time, the last eight overlapping: the names and values compared are short,
     * where {@code Arrays.equals} spends more on setting up than on comparing.
     */
    static boolean sameBytes(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (a[aFrom + i] != b[bFrom + i]) {
                    return false;
                }
            }
            return true;
        }
        int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES) {
            if (eightBytes(a, aFrom + i) != eightBytes(b, bFrom + i)) {
                return false;
            }
        }
        return eightBytes(a, aFrom + last) == eightBytes(b, bFrom + last);
    }

    /**
     * Which of the eight bytes, 0 to 7, is the first that needs a second look inside a JSON string (a quote, a
     * backslash, a control character or part of a multi-byte sequence); {@value Long#BYTES} when none does.
     * By the usual "has a zero byte" bit trick, whose lowest flag is exact: a false one only ever follows a true one.
     */
    static int firstSpecialInJsonText(long bytes) {
        long quote = bytes ^ 0x2222222222222222L;
        long backslash = bytes ^ 0x5C5C5C5C5C5C5C5CL;
        long flagged = (quote - ONES) & ~quote
                | (backslash - ONES) & ~backslash
                | (bytes - 0x2020202020202020L) & ~bytes
                | bytes;
        return Long.numberOfTrailingZeros(flagged & HIGH_BITS) >>> 3;
    }
}

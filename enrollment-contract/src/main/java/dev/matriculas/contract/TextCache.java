package dev.matriculas.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The same string for the same bytes, for values that repeat from record to record (courses, shifts, payment
 * methods): a replay then makes no new string for them, and each keeps its hash code for the lookups that
 * follow. A direct-mapped table that simply forgets on a collision, so any number of distinct values costs
 * no more memory. Entries are immutable, so threads may share it without locks.
 */
final class TextCache {

    private static final int SIZE = 1024;
    /** Longer values are not kept (the caller makes them itself): at most about 200 KB however many values come. */
    static final int LONGEST = 128;

    private record Entry(byte[] bytes, String text) {
    }

    private final Entry[] entries = new Entry[SIZE];

    /** The UTF-8 text of {@code in[start..end)}, which must hold no JSON escapes. */
    String text(byte[] in, int start, int end) {
        int hash = hash(in, start, end);
        int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
        Entry entry = entries[slot];
        if (entry != null && entry.bytes.length == end - start && Utf8.sameBytes(entry.bytes, 0, in, start, end - start)) {
            return entry.text;
        }
        String text = new String(in, start, end - start, StandardCharsets.UTF_8);
        entries[slot] = new Entry(Arrays.copyOfRange(in, start, end), text);
        return text;
    }

    /** From the length and the first and last eight bytes: two reads, and values that share all three are rare. */
    private static int hash(byte[] in, int start, int end) {
        int hash = end - start;
        if (end - start >= Long.BYTES) {
            return 31 * (31 * hash + Long.hashCode(Utf8.eightBytes(in, start))) + Long.hashCode(Utf8.eightBytes(in, end - Long.BYTES));
        }
        for (int i = start; i < end; i++) {
            hash = 31 * hash + in[i];
        }
        return hash;
    }
}

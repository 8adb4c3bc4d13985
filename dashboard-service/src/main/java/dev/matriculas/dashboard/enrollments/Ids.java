package dev.matriculas.dashboard.enrollments;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The id of every row, as its UTF-8 bytes packed one after another in a single array: a million ids as
 * {@code String}s would be two million objects (about 80 bytes an id) for the garbage collector to copy while
 * a replay fills them, and these are about 42 bytes an id and no object at all. The room of removed ids is
 * reclaimed by packing the array again once it is mostly waste. Not thread-safe: the store guards it.
 */
final class Ids {

    private static final short NONE = -1;
    private static final int SMALLEST = 64 * 1024;
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes = new byte[SMALLEST];
    private int used;
    private int waste;
    private int[] start;
    private short[] length;

    Ids(int rows) {
        start = new int[rows];
        length = new short[rows];
        Arrays.fill(length, NONE);
    }

    static byte[] utf8(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** A hash of the bytes, eight at a time; the same for the same id however it is held. */
    private static int hash(byte[] in, int from, int to) {
        long hash = to - from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            hash = (hash ^ (long) EIGHT_BYTES.get(in, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < to; i++) {
            hash = (hash ^ in[i]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (hash ^ (hash >>> 32));
    }

    static int hash(byte[] id) {
        return hash(id, 0, id.length);
    }

    int hash(int row) {
        return hash(bytes, start[row], start[row] + length[row]);
    }

    /** Room for rows up to {@code rows}. */
    void grow(int rows) {
        int old = start.length;
        start = Arrays.copyOf(start, rows);
        length = Arrays.copyOf(length, rows);
        Arrays.fill(length, old, rows, NONE);
    }

    void set(int row, byte[] id) {
        if (id.length > Short.MAX_VALUE) {
            // The parser allows 100 characters, at most 400 bytes.
            throw new IllegalArgumentException("an id of " + id.length + " bytes is too long to keep");
        }
        if (used + id.length > bytes.length) {
            makeRoom(id.length);
        }
        System.arraycopy(id, 0, bytes, used, id.length);
        start[row] = used;
        length[row] = (short) id.length;
        used += id.length;
    }

    void clear(int row) {
        waste += length[row];
        length[row] = NONE;
    }

    boolean has(int row) {
        return length[row] != NONE;
    }

    boolean is(int row, byte[] id) {
        return Arrays.equals(bytes, start[row], start[row] + length[row], id, 0, id.length);
    }

    String get(int row) {
        return new String(bytes, start[row], length[row], StandardCharsets.UTF_8);
    }

    /** Orders rows by id, as the unsigned bytes compare: the order of code points. */
    int compare(int row, int other) {
        return Arrays.compareUnsigned(bytes, start[row], start[row] + length[row],
                bytes, start[other], start[other] + length[other]);
    }

    /**
     * Packs the ids of the rows in use to the front of a new array with room for half as many again: the waste
     * of removed ids goes, and the copying stays in proportion to the ids added since the last time.
     */
    private void makeRoom(int needed) {
        int wanted = used - waste + needed;
        byte[] packed = new byte[Math.max(SMALLEST, wanted + (wanted >> 1))];
        int at = 0;
        for (int row = 0; row < start.length; row++) {
            if (length[row] != NONE) {
                System.arraycopy(bytes, start[row], packed, at, length[row]);
                start[row] = at;
                at += length[row];
            }
        }
        bytes = packed;
        used = at;
        waste = 0;
    }
}

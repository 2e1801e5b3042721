package dev.slopipeline.definitions.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level check that a record is UTF-8 and holds no NUL byte.
 *
 * <p>Jackson reports most bad UTF-8, but accepts overlong forms (C0 80) and code points above
 * U+10FFFF, and it guesses UTF-16 or UTF-32 when the first bytes are zero. The contract says
 * UTF-8, so this scan runs first; mostly-ASCII records cost two tests per eight bytes.
 */
final class Utf8 {

    /** Eight bytes at a time, in whichever order: only whether any of them is special matters. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private Utf8() {
    }

    /** The reason {@code bytes} is refused, or {@code null} when it is well-formed UTF-8 without NUL. */
    static String problem(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            if (i + Long.BYTES <= n && plainAscii((long) LONGS.get(bytes, i))) {
                i += Long.BYTES;
                continue;
            }
            byte b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                // A raw NUL is never legal in JSON text, and a leading one would make Jackson
                // decode the record as UTF-16 or UTF-32.
                return "not JSON: NUL byte at offset " + i;
            }
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                return "not UTF-8: invalid byte sequence at offset " + i;
            }
            i += length;
        }
        return null;
    }

    /** Whether eight bytes are all ASCII and none is NUL (the zero-byte test is exact as a yes or no). */
    private static boolean plainAscii(long word) {
        return (word & HIGH_BITS) == 0 && ((word - LOW_BITS) & ~word & HIGH_BITS) == 0;
    }

    /** Length of the well-formed multi-byte sequence at {@code i} (RFC 3629 table 3-7), or 0. */
    private static int sequenceLength(byte[] bytes, int i) {
        int lead = bytes[i] & 0xFF;
        int length;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                secondMin = 0xA0; // shorter forms are overlong
            } else if (lead == 0xED) {
                secondMax = 0x9F; // higher ones encode UTF-16 surrogates
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                secondMin = 0x90; // shorter forms are overlong
            } else if (lead == 0xF4) {
                secondMax = 0x8F; // higher ones are above U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondMin || second > secondMax) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}

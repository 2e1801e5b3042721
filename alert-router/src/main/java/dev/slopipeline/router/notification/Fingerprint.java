package dev.slopipeline.router.notification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * The identity of a label set, computed as Prometheus computes {@code model.LabelSet.Fingerprint()}, so the
 * fingerprints the router shows are the ones Alertmanager would show for the same labels.
 *
 * <p>The scheme: 64-bit FNV-1a, starting from the offset basis, over each label in ascending byte order of the
 * UTF-8 name: the name's UTF-8 bytes, the byte {@code 0xFF}, the value's UTF-8 bytes, the byte {@code 0xFF}. The
 * empty set hashes to the offset basis. Printed as 16 lower-case hex digits ({@code %016x}). {@code 0xFF} never
 * occurs in UTF-8, so the separators cannot be confused with text.
 */
public record Fingerprint(long value) implements Comparable<Fingerprint> {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xFF;

    /** Go sorts label names by their bytes; Java's String order differs for characters beyond U+FFFF. */
    private static final Comparator<byte[]> UTF8_ORDER = Arrays::compareUnsigned;

    public static Fingerprint of(Map<String, String> labels) {
        byte[][] names = labels.keySet().stream()
                .map(name -> name.getBytes(StandardCharsets.UTF_8))
                .sorted(UTF8_ORDER)
                .toArray(byte[][]::new);
        long hash = OFFSET_BASIS;
        for (byte[] name : names) {
            String value = labels.get(new String(name, StandardCharsets.UTF_8));
            hash = add(hash, name);
            hash = add(hash, SEPARATOR);
            hash = add(hash, Objects.requireNonNull(value, "label value").getBytes(StandardCharsets.UTF_8));
            hash = add(hash, SEPARATOR);
        }
        return new Fingerprint(hash);
    }

    /**
     * @throws IllegalArgumentException unless {@code hex} is 1 to 16 hex digits
     */
    public static Fingerprint parse(String hex) {
        if (hex.isEmpty() || hex.length() > 16) {
            throw new IllegalArgumentException("a fingerprint is 16 hex digits, got \"" + hex + "\"");
        }
        try {
            return new Fingerprint(Long.parseUnsignedLong(hex, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a fingerprint is 16 hex digits, got \"" + hex + "\"", e);
        }
    }

    private static long add(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash = add(hash, b);
        }
        return hash;
    }

    private static long add(long hash, byte b) {
        return (hash ^ (b & 0xFF)) * PRIME;
    }

    /** Unsigned order, the order of the printed form. */
    @Override
    public int compareTo(Fingerprint other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return String.format("%016x", value);
    }
}

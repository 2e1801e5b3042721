package dev.slopipeline.definitions.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "caf\u00e9", "\u07ff\u0800\uffff", "\uD800\uDC00", "\uDBFF\uDFFF", "\u0080"})
    void acceptsWellFormedText(String text) {
        assertThat(Utf8.problem(text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "7b80,       1", // a continuation byte with no lead
        "7bc080,     1", // overlong NUL
        "c1bf,       0", // overlong ASCII
        "e08080,     0", // overlong three-byte form
        "eda080,     0", // a UTF-16 surrogate
        "f0808080,   0", // overlong four-byte form
        "f4908080,   0", // above U+10FFFF
        "f5808080,   0", // lead byte that can never occur
        "ff,         0",
        "7b7be282,   2", // cut off at the end
        "c328,       0", // continuation missing
        "e228a1,     0"
    })
    void refusesMalformedSequencesAtTheirOffset(String hex, int offset) {
        assertThat(Utf8.problem(HexFormat.of().parseHex(hex)))
                .isEqualTo("not UTF-8: invalid byte sequence at offset " + offset);
    }

    @Test
    void refusesNul() {
        assertThat(Utf8.problem(new byte[] {'{', '}', ' ', 0})).isEqualTo("not JSON: NUL byte at offset 3");
    }

    @Test
    void findsANulOrAStrayByteWhereverItSitsInALongRecord() {
        for (int at = 0; at < 40; at++) {
            byte[] record = "{\"service\":\"checkout-api\",\"count\":1}....".getBytes(StandardCharsets.US_ASCII);
            assertThat(Utf8.problem(record)).isNull();
            record[at] = 0;
            assertThat(Utf8.problem(record)).isEqualTo("not JSON: NUL byte at offset " + at);
            record[at] = (byte) 0x80;
            assertThat(Utf8.problem(record)).isEqualTo("not UTF-8: invalid byte sequence at offset " + at);
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnMostlyAsciiRecords() {
        // long enough for the eight-bytes-at-a-time path; one high byte in sixteen
        agreesWithTheJdk(new Random(7), 20_000, 40,
                random -> random.nextInt(16) == 0 ? 0x80 + random.nextInt(128) : 1 + random.nextInt(127));
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        // mostly high bytes, where the cases are
        agreesWithTheJdk(new Random(42), 50_000, 8,
                random -> random.nextInt(4) == 0 ? 1 + random.nextInt(127) : 0x80 + random.nextInt(128));
    }

    /** Never NUL, which the JDK allows. */
    private static void agreesWithTheJdk(Random random, int cases, int maxLength, ToIntFunction<Random> nextByte) {
        for (int i = 0; i < cases; i++) {
            byte[] bytes = new byte[1 + random.nextInt(maxLength)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) nextByte.applyAsInt(random);
            }
            assertThat(Utf8.problem(bytes) == null).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkAccepts(bytes));
        }
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

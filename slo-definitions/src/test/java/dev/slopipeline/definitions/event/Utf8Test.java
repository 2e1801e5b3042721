package dev.slopipeline.definitions.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
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
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                // mostly high bytes, where the cases are; never NUL, which the JDK allows
                bytes[k] = (byte) (random.nextInt(4) == 0 ? 1 + random.nextInt(127) : 0x80 + random.nextInt(128));
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

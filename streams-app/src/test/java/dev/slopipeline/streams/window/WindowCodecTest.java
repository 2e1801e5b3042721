package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "good {0}, bad {1}, events {2}: {3}")
    @CsvSource({
            "0, 0, 0, 000000",
            "1, 0, 1, 010000",
            "127, 1, 128, 7f0100",
            "128, 0, 128, 80010000",
            // timeslices: two minutes with traffic, 90 events behind them
            "1, 1, 90, 010158",
            "1000000000, 129, 1000000129, 8094ebdc03810100",
    })
    void shouldWriteATallyAsThreeVarints(long good, long bad, long events, String hex) {
        Tally tally = new Tally(good, bad, events);

        assertThat(HEX.formatHex(WindowCodec.slot(tally))).isEqualTo(hex);
        assertThat(WindowCodec.readSlot(HEX.parseHex(hex))).isEqualTo(tally);
    }

    @ParameterizedTest(name = "ring {0}, slot {1}: {2}")
    @CsvSource({"0, 0, 73000000", "1, 144, 73010090", "2, 720, 730202d0", "0, 65535, 7300ffff"})
    void shouldNameASlotPartByItsRingAndSlot(int ring, int slot, String hex) {
        assertThat(HEX.formatHex(WindowCodec.slotName(ring, slot))).isEqualTo(hex);
        assertThat(WindowCodec.readSlotName(HEX.parseHex(hex))).isEqualTo(new WindowCodec.SlotName(ring, slot));
        assertThat(WindowCodec.isHeader(HEX.parseHex(hex))).isFalse();
    }

    @Test
    void shouldNameTheHeaderH() {
        assertThat(WindowCodec.headerName()).containsExactly('h');
        assertThat(WindowCodec.isHeader(new byte[] {'h'})).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0100, window slot is truncated (2 bytes)",
            "01000000, window slot has 1 unexpected trailing bytes",
            "ffffffffffffffffffffff, window state has a varint longer than 10 bytes",
    })
    void shouldRefuseASlotValueThatIsNoTally(String hex, String message) {
        assertThatThrownBy(() -> WindowCodec.readSlot(HEX.parseHex(hex)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"68", "730000", "74000000", "7300000000"})
    void shouldRefuseAPartNameThatIsNoSlots(String hex) {
        assertThatThrownBy(() -> WindowCodec.readSlotName(HEX.parseHex(hex)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window state has an unknown part of " + hex.length() / 2 + " bytes");
    }

    @Test
    void shouldRefuseToWriteANegativeCount() {
        assertThatThrownBy(() -> WindowCodec.slot(new Tally(-1, 0, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("window state holds a negative count -1");
    }
}

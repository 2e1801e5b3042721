package dev.slopipeline.definitions.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    private static Instant parse(String text) {
        return Timestamps.parse(text.toCharArray(), 0, text.length());
    }

    @Test
    void agreesWithTheJdkOnRandomInstantsOffsetsAndFractions() {
        Random random = new Random(20261123);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            // the JDK's offsets stop at 18 hours; this parser's follow RFC 3339 up to 23:59
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(2 * 18 * 60 + 1) - 18 * 60) * 60);
            int digits = random.nextInt(10);
            int nanos = digits == 0 ? 0 : random.nextInt(1_000_000_000);
            String fraction = digits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, digits);
            OffsetDateTime local = instant.atOffset(offset);
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", local.getYear(), local.getMonthValue(),
                    local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(), fraction,
                    offset.getTotalSeconds() == 0 && random.nextBoolean() ? "Z" : offset.getId().replace("Z", "+00:00"));
            assertThat(parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-23T10:00:00Z,          2026-11-23T10:00:00Z",
        "2026-11-23T10:00:00-00:00,     2026-11-23T10:00:00Z",
        "2026-11-23T23:59:00+23:59,     2026-11-23T00:00:00Z",
        "2026-11-23T00:00:00-23:59,     2026-11-23T23:59:00Z",
        "2026-11-23T10:00:00.1Z,        2026-11-23T10:00:00.100Z",
        "2026-11-23T10:00:00.123456789Z, 2026-11-23T10:00:00.123456789Z",
        "2000-02-29T12:00:00Z,          2000-02-29T12:00:00Z",
        "1900-01-01T00:00:00Z,          1900-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z,          9999-12-31T23:59:59Z"
    })
    void parses(String text, String expected) {
        assertThat(parse(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsOnlyTheGivenSliceOfTheBuffer() {
        char[] buffer = "xx2026-11-23T10:00:00Zyy".toCharArray();
        assertThat(Timestamps.parse(buffer, 2, 20)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "2026-11-23",
        "2026-11-23T10:00:00",
        "2026-11-23T10:00Z",
        "2026-11-23 10:00:00Z",
        "2026-11-23t10:00:00Z",
        "2026-11-23T10:00:00z",
        "20261123T100000Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2027-02-29T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "2026-11-23T24:00:00Z",
        "2026-11-23T10:60:00Z",
        "2026-11-23T10:00:60Z",
        "2026-11-23T10:00:00.Z",
        "2026-11-23T10:00:00,5Z",
        "2026-11-23T10:00:00.1234567890Z",
        "2026-11-23T10:00:00+1:00",
        "2026-11-23T10:00:00+0100",
        "2026-11-23T10:00:00+24:00",
        "2026-11-23T10:00:00+01:60",
        "2026-11-23T10:00:00+01:00:00",
        "2026-11-23T10:00:00Zjunk",
        "+2026-11-23T10:00:00Z",
        "2026-1a-23T10:00:00Z",
        "-026-11-23T10:00:00Z"
    })
    void refuses(String text) {
        assertThat(parse(text)).isNull();
    }
}

package dev.slopipeline.router.routing.silence;

import static dev.slopipeline.router.routing.silence.SilencesTest.ID_1;
import static dev.slopipeline.router.routing.silence.SilencesTest.ID_2;
import static dev.slopipeline.router.routing.silence.SilencesTest.NOW;
import static dev.slopipeline.router.routing.silence.SilencesTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilencesCodecTest {

    private final SilencesCodec codec = new SilencesCodec();

    @Test
    void shouldReadBackWhatItWrote() {
        Silences silences = new Silences();
        silences.create(ID_1, request("{slo=~\"checkout-.*\", severity!=\"notify\", team!~\"x|y\"}", NOW,
                NOW.plusSeconds(3600)), NOW);
        silences.create(ID_2, request("{slo=\"a\\\"quoted\\\"\"}", NOW.plusSeconds(60), NOW.plusSeconds(120)), NOW);
        silences.expire(ID_2, NOW.plusSeconds(5));

        List<Silence> decoded = codec.decode(codec.encode(silences.all()));

        assertThat(decoded).isEqualTo(silences.all());
        Silences restored = new Silences();
        restored.replaceAll(decoded);
        assertThat(restored.silencedBy(Map.of("slo", "checkout-errors"), NOW)).containsExactly(ID_1);
    }

    @Test
    void shouldWriteTheDocumentedShape() {
        Silences silences = new Silences();
        silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plusSeconds(60)), NOW);

        assertThat(new String(codec.encode(silences.all()), StandardCharsets.UTF_8)).isEqualTo("{\"version\":1,"
                + "\"silences\":[{\"id\":\"00000000-0000-0000-0000-000000000001\","
                + "\"matchers\":[{\"name\":\"slo\",\"type\":\"=\",\"value\":\"a\"}],"
                + "\"startsAt\":\"2026-11-23T10:00:00Z\",\"endsAt\":\"2026-11-23T10:01:00Z\","
                + "\"updatedAt\":\"2026-11-23T10:00:00Z\",\"createdBy\":\"ana\",\"comment\":\"deploying a fix\"}]}");
    }

    @Test
    void shouldKeepTheNameOfTheTokenThatCreatedASilenceAndReadSilencesStoredWithoutOne() {
        Silences silences = new Silences();
        silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plusSeconds(60)).withCreatedByToken("ci-bot"), NOW);

        byte[] json = codec.encode(silences.all());

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"createdBy\":\"ana\"",
                "\"createdByToken\":\"ci-bot\"");
        assertThat(codec.decode(json)).singleElement().satisfies(silence ->
                assertThat(silence.createdByToken()).hasValue("ci-bot"));
        assertThat(codec.decode(utf8("{\"version\":1,\"silences\":[{\"id\":\"" + ID_1 + "\",\"matchers\":[{\"name\":"
                + "\"slo\",\"type\":\"=\",\"value\":\"a\"}],\"startsAt\":\"2026-11-23T10:00:00Z\",\"endsAt\":"
                + "\"2026-11-23T10:01:00Z\",\"updatedAt\":\"2026-11-23T10:00:00Z\",\"createdBy\":\"ana\","
                + "\"comment\":\"older\"}]}"))).singleElement().satisfies(silence ->
                assertThat(silence.createdByToken()).isEmpty());
    }

    @Test
    void shouldSayWhatIsWrongWithADocumentItCannotRead() {
        assertThatThrownBy(() -> codec.decode(utf8("{\"version\":1,\"silences\":[{\"id\":\"x\"}]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(utf8("{\"version\":1,\"silences\":[{\"id\":\"" + ID_1 + "\","
                + "\"matchers\":[{\"name\":\"slo\",\"type\":\"==\",\"value\":\"a\"}]}]}")))
                .hasMessage("silences snapshot: unknown matcher type \"==\"; expected =, !=, =~ or !~");
        assertThatThrownBy(() -> codec.decode(utf8("[]")))
                .hasMessage("silences snapshot has no \"version\":1");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

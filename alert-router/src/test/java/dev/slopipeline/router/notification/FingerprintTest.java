package dev.slopipeline.router.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values from prometheus/common's TestLabelsToSignature, and from an FNV-1a computed by hand (Python). */
class FingerprintTest {

    static Stream<Arguments> knownFingerprints() {
        return Stream.of(
                Arguments.of(Map.of(), "cbf29ce484222325"),
                Arguments.of(Map.of("name", "garland, briggs", "fear", "love is not enough"), "507a62d79ee76c9a"),
                Arguments.of(Map.of("a", "bc"), "a0a3542c19b900ab"),
                Arguments.of(Map.of("ab", "c"), "20ba9b3025a8b421"),
                // U+FF5E sorts before U+1F600 in UTF-8 bytes, after it in Java's UTF-16 order
                Arguments.of(Map.of("\uff5e", "x", "\ud83d\ude00", "y"), "fb14fad351f3c60b"),
                Arguments.of(Map.of("alertname", "SLOBurnRate", "journey", "checkout", "service", "storefront",
                        "severity", "page", "slo", "checkout-availability", "team", "payments", "tier", "1"),
                        "8e549c8592bcd457"));
    }

    @ParameterizedTest
    @MethodSource("knownFingerprints")
    void shouldHashAsPrometheusDoes(Map<String, String> labels, String expected) {
        assertThat(Fingerprint.of(labels)).hasToString(expected);
    }

    @Test
    void shouldNotDependOnTheOrderLabelsWereWrittenIn() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("slo", "a");
        forward.put("severity", "page");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("severity", "page");
        backward.put("slo", "a");

        assertThat(Fingerprint.of(forward)).isEqualTo(Fingerprint.of(backward));
    }

    @Test
    void shouldReadBackWhatItPrints() {
        Fingerprint fingerprint = Fingerprint.of(Map.of("name", "garland, briggs", "fear", "love is not enough"));

        assertThat(Fingerprint.parse(fingerprint.toString())).isEqualTo(fingerprint);
        assertThat(fingerprint.value()).isEqualTo(Long.parseUnsignedLong("5799056148416392346"));
    }

    @Test
    void shouldRefuseTextThatIsNotAFingerprint() {
        assertThatThrownBy(() -> Fingerprint.parse("xyz"))
                .hasMessage("a fingerprint is 16 hex digits, got \"xyz\"");
        assertThatThrownBy(() -> Fingerprint.parse("0123456789abcdef0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldOrderAsThePrintedFormSorts() {
        assertThat(new Fingerprint(0x8000000000000000L)).isGreaterThan(new Fingerprint(0x7fffffffffffffffL));
    }
}

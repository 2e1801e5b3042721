package dev.slopipeline.router.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ReceiversTest {

    private static final Channel NOOP = (n, t) -> new DeliveryResult.Accepted(200);
    private static final Target TARGET = Target.of(URI.create("https://hooks.example/x"));

    private static Receiver receiver(String name, String fallback) {
        return new Receiver(name, NOOP, TARGET, fallback);
    }

    @Test
    void shouldFindReceiversByName() {
        Receivers receivers = Receivers.of(receiver("a", "b"), receiver("b", null));

        assertThat(receivers.get("a")).map(Receiver::fallback).contains("b");
        assertThat(receivers.get("c")).isEmpty();
        assertThat(receivers.names()).isEqualTo("[a, b]");
    }

    @Test
    void shouldRejectAFallbackThatIsNotAReceiver() {
        assertThatThrownBy(() -> Receivers.of(receiver("a", "pager"), receiver("b", null)))
                .hasMessage("receiver a falls back to pager, which is not a receiver (known: [a, b])");
    }

    @Test
    void shouldRejectAFallbackCycle() {
        assertThatThrownBy(() -> Receivers.of(receiver("a", "b"), receiver("b", "c"), receiver("c", "a")))
                .hasMessage("receivers a → b → c → a form a fallback cycle; a fallback chain must end");
    }

    @Test
    void shouldRejectDuplicatesAndSelfFallbacks() {
        assertThatThrownBy(() -> Receivers.of(receiver("a", null), receiver("a", null)))
                .hasMessage("receiver a is defined twice");
        assertThatThrownBy(() -> receiver("a", "a")).hasMessage("receiver a names itself as its fallback");
    }
}

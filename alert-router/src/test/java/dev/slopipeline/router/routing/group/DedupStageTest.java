package dev.slopipeline.router.routing.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.notification.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alertmanager's needsUpdate: last notification, current firing and resolved sets, send_resolved, time since. */
class DedupStageTest {

    private static final Instant LOGGED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration REPEAT = Duration.ofHours(4);
    private static final Duration SOON = Duration.ofMinutes(5);

    private static Set<Fingerprint> set(int... fingerprints) {
        return Arrays.stream(fingerprints).mapToObj(Fingerprint::new).collect(Collectors.toSet());
    }

    private static Optional<LogEntry> logged(Set<Fingerprint> firing, Set<Fingerprint> resolved) {
        return Optional.of(new LogEntry("g", "r", new TreeSet<>(firing), new TreeSet<>(resolved), LOGGED, 1));
    }

    private static Arguments row(Optional<LogEntry> last, Set<Fingerprint> firing, Set<Fingerprint> resolved,
                                 boolean sendResolved, Duration since, FlushReason expected) {
        return Arguments.of(last, firing, resolved, sendResolved, since, expected);
    }

    static Stream<Arguments> cases() {
        Optional<LogEntry> never = Optional.empty();
        return Stream.of(
                row(never, set(1), set(), true, SOON, FlushReason.FIRST_NOTIFICATION),
                row(never, set(), set(1), true, SOON, FlushReason.NONE),
                row(logged(set(1), set()), set(1, 2), set(), false, SOON, FlushReason.NEW_ALERTS),
                row(logged(set(), set(1)), set(2), set(), false, SOON, FlushReason.FIRST_NOTIFICATION),
                row(logged(set(1, 2), set()), set(), set(1, 2), false, SOON, FlushReason.ALL_RESOLVED),
                row(logged(set(1, 2), set()), set(), set(1, 2), true, SOON, FlushReason.ALL_RESOLVED),
                row(logged(set(), set(1)), set(), set(1, 2), true, SOON, FlushReason.NONE),
                row(logged(set(1, 2), set()), set(2), set(1), true, SOON, FlushReason.NEW_RESOLVED),
                row(logged(set(1, 2), set()), set(2), set(1), false, SOON, FlushReason.NONE),
                row(logged(set(2), set(1)), set(2), set(1), true, SOON, FlushReason.NONE),
                row(logged(set(1, 2), set()), set(2), set(), true, SOON, FlushReason.NONE),
                row(logged(set(1), set()), set(1), set(), true, REPEAT, FlushReason.NONE),
                row(logged(set(1), set()), set(1), set(), true, REPEAT.plusNanos(1), FlushReason.REPEAT),
                row(logged(set(1, 2), set()), set(1), set(), false, REPEAT.plusSeconds(1), FlushReason.REPEAT));
    }

    @ParameterizedTest(name = "[{index}] last {0}, firing {1}, resolved {2}, send_resolved {3}, {4} later: {5}")
    @MethodSource("cases")
    void shouldNotifyOnlyWhenAlertmanagerWould(Optional<LogEntry> last, Set<Fingerprint> firing,
                                               Set<Fingerprint> resolved, boolean sendResolved, Duration since,
                                               FlushReason expected) {
        assertThat(DedupStage.reason(last, firing, resolved, sendResolved, REPEAT, LOGGED.plus(since)))
                .isEqualTo(expected);
    }
}

package dev.slopipeline.router.routing.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SilencesTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final UUID ID_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID ID_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID ID_3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final Map<String, String> CHECKOUT_PAGE = Map.of("slo", "checkout-availability", "severity", "page");

    static Matchers matchers(String text) {
        return Matchers.of(MatcherParser.parse(text).matchers());
    }

    static SilenceRequest request(String matchers, Instant startsAt, Instant endsAt) {
        return new SilenceRequest(matchers(matchers), startsAt, endsAt, "ana", "deploying a fix");
    }

    private final Silences silences = new Silences();

    @Test
    void shouldMuteMatchingAlertsOnlyWhileActive() {
        Instant start = NOW.plus(Duration.ofHours(1));
        Instant end = NOW.plus(Duration.ofHours(2));
        Silence silence = silences.create(ID_1, request("{slo=\"checkout-availability\"}", start, end), NOW);

        assertThat(silence.state(NOW)).isEqualTo(SilenceState.PENDING);
        assertThat(silences.isSilenced(CHECKOUT_PAGE, NOW)).isFalse();
        assertThat(silence.state(start)).isEqualTo(SilenceState.ACTIVE);
        assertThat(silences.silencedBy(CHECKOUT_PAGE, start)).containsExactly(ID_1);
        assertThat(silences.silencedBy(CHECKOUT_PAGE, end.minusNanos(1))).containsExactly(ID_1);
        assertThat(silence.state(end)).isEqualTo(SilenceState.EXPIRED);
        assertThat(silences.isSilenced(CHECKOUT_PAGE, end)).isFalse();
    }

    @Test
    void shouldStartNowWhenAskedToStartInThePast() {
        Silence silence = silences.create(ID_1, request("{slo=\"a\"}", NOW.minusSeconds(600), NOW.plusSeconds(600)), NOW);

        assertThat(silence.startsAt()).isEqualTo(NOW);
        assertThat(silence.updatedAt()).isEqualTo(NOW);
        assertThat(silence.createdBy()).isEqualTo("ana");
        assertThat(silence.comment()).isEqualTo("deploying a fix");
    }

    @Test
    void shouldMuteOnlyAlertsMatchingEveryMatcher() {
        silences.create(ID_1, request("{slo=\"checkout-availability\", severity=\"ticket\"}", NOW, NOW.plusSeconds(60)), NOW);
        silences.create(ID_2, request("{slo=~\"checkout-.*\"}", NOW, NOW.plusSeconds(60)), NOW);
        silences.create(ID_3, request("{team=\"shop\"}", NOW, NOW.plusSeconds(60)), NOW);

        assertThat(silences.silencedBy(CHECKOUT_PAGE, NOW)).containsExactly(ID_2);
        assertThat(silences.silencedBy(Map.of("slo", "checkout-availability", "severity", "ticket"), NOW))
                .containsExactly(ID_1, ID_2);
    }

    @Test
    void shouldCheckAnAlertAgainstABacktrackingSilenceRegexInLinearTime() {
        silences.create(ID_1, request("{slo=~\"(.*a){8}\"}", NOW, NOW.plusSeconds(60)), NOW);
        // java.util.regex needs about 2 s for 41 characters here, and its time grows with the eighth power of the length
        Map<String, String> hostile = Map.of("slo", "a".repeat(10_000) + "!");

        boolean silenced = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> silences.isSilenced(hostile, NOW));

        assertThat(silenced).isFalse();
        assertThat(silences.isSilenced(Map.of("slo", "a".repeat(10_000)), NOW)).isTrue();
    }

    @Test
    void shouldEndAnActiveSilenceNowWhenExpired() {
        silences.create(ID_1, request("{slo=\"checkout-availability\"}", NOW, NOW.plus(Duration.ofHours(2))), NOW);
        Instant later = NOW.plus(Duration.ofMinutes(30));

        Silence expired = silences.expire(ID_1, later);

        assertThat(expired.startsAt()).isEqualTo(NOW);
        assertThat(expired.endsAt()).isEqualTo(later);
        assertThat(expired.updatedAt()).isEqualTo(later);
        assertThat(expired.state(later)).isEqualTo(SilenceState.EXPIRED);
        assertThat(silences.isSilenced(CHECKOUT_PAGE, later)).isFalse();
    }

    @Test
    void shouldNeverStartAPendingSilenceExpiredBeforeItStarts() {
        silences.create(ID_1, request("{slo=\"a\"}", NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2))), NOW);

        Silence expired = silences.expire(ID_1, NOW);

        assertThat(expired.startsAt()).isEqualTo(NOW);
        assertThat(expired.endsAt()).isEqualTo(NOW);
        assertThat(silences.isSilenced(Map.of("slo", "a"), NOW.plus(Duration.ofMinutes(90)))).isFalse();
    }

    @Test
    void shouldLeaveAnExpiredSilenceAsItIsWhenExpiredAgain() {
        silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plusSeconds(60)), NOW);
        Silence first = silences.expire(ID_1, NOW.plusSeconds(10));

        assertThat(silences.expire(ID_1, NOW.plusSeconds(20))).isEqualTo(first);
    }

    @Test
    void shouldRefuseToExpireASilenceItDoesNotKnow() {
        assertThatThrownBy(() -> silences.expire(ID_1, NOW))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no silence with id 00000000-0000-0000-0000-000000000001");
    }

    @Test
    void shouldRefuseASecondSilenceWithTheSameId() {
        silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plusSeconds(60)), NOW);

        assertThatThrownBy(() -> silences.create(ID_1, request("{slo=\"b\"}", NOW, NOW.plusSeconds(60)), NOW))
                .hasMessage("a silence with id 00000000-0000-0000-0000-000000000001 already exists");
    }

    @Test
    void shouldRefuseASilenceBeyondTheLimitOfActiveAndPendingOnesUntilOneEnds() {
        Silences limited = new Silences(new SilenceLimits(2, Duration.ofDays(1)));
        limited.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plus(Duration.ofHours(1))), NOW);
        limited.create(ID_2, request("{slo=\"b\"}", NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(3))), NOW);

        assertThatThrownBy(() -> limited.create(ID_3, request("{slo=\"c\"}", NOW, NOW.plus(Duration.ofHours(1))), NOW))
                .isInstanceOf(TooManySilencesException.class)
                .hasMessageContaining("there are 2 active or pending silences, the most this router allows")
                .hasMessageContaining("router.silences.max");
        limited.expire(ID_1, NOW.plusSeconds(1));
        assertThat(limited.create(ID_3, request("{slo=\"c\"}", NOW, NOW.plus(Duration.ofHours(1))), NOW.plusSeconds(2)))
                .as("an expired silence no longer counts").isNotNull();
        assertThat(limited.live(NOW.plusSeconds(2))).isEqualTo(2);
    }

    @Test
    void shouldRefuseASilenceLongerThanTheLimitCountedFromWhenItReallyStarts() {
        Silences limited = new Silences(new SilenceLimits(10, Duration.ofDays(1)));

        assertThatThrownBy(() -> limited.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plus(Duration.ofHours(25))), NOW))
                .isInstanceOfSatisfying(InvalidSilenceException.class, e -> assertThat(e.problems()).containsExactly(
                        "it lasts 1d1h, longer than the 1d a silence may last (router.silences.max.duration); end it "
                                + "sooner, and create another when it ends if it is still needed"));
        // asked to start an hour ago: it starts now, so it lasts one day
        assertThat(limited.create(ID_2, request("{slo=\"a\"}", NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(1))), NOW).startsAt()).isEqualTo(NOW);
    }

    @Test
    void shouldAllowSilencesOfUpToAMonthByDefault() {
        assertThat(silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plus(Duration.ofDays(30))), NOW)).isNotNull();
        assertThatThrownBy(() -> silences.create(ID_2, request("{slo=\"a\"}", NOW, NOW.plus(Duration.ofDays(31))), NOW))
                .isInstanceOf(InvalidSilenceException.class).hasMessageContaining("longer than the 4w2d");
    }

    @Test
    void shouldKeepTheNameOfTheTokenThatCreatedIt() {
        Silence silence = silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plusSeconds(60))
                .withCreatedByToken("ci-bot"), NOW);

        assertThat(silence.createdBy()).isEqualTo("ana");
        assertThat(silence.createdByToken()).hasValue("ci-bot");
        assertThat(silences.expire(ID_1, NOW.plusSeconds(1)).createdByToken()).hasValue("ci-bot");
    }

    static Stream<Arguments> invalidRequests() {
        Instant hour = NOW.plus(Duration.ofHours(1));
        return Stream.of(
                Arguments.of(new SilenceRequest(Matchers.NONE, NOW, hour, "ana", "x"),
                        List.of("it has no matchers; add at least one, e.g. slo=\"checkout-availability\"")),
                Arguments.of(new SilenceRequest(matchers("{slo=\"\"}"), NOW, hour, "ana", "x"),
                        List.of(SILENCES_EVERYTHING)),
                Arguments.of(new SilenceRequest(matchers("{slo=~\".*\", team=~\"pay.*|\"}"), NOW, hour, "ana", "x"),
                        List.of(SILENCES_EVERYTHING)),
                Arguments.of(new SilenceRequest(matchers("{slo=\"a\"}"), hour, hour, "ana", "x"),
                        List.of("it ends at 2026-11-23T11:00:00Z, not after it starts at 2026-11-23T11:00:00Z")),
                Arguments.of(new SilenceRequest(matchers("{slo=\"a\"}"), NOW.minusSeconds(120), NOW.minusSeconds(60),
                        "ana", "x"),
                        List.of("it ends at 2026-11-23T09:59:00Z, which is not in the future (now is 2026-11-23T10:00:00Z)")),
                Arguments.of(new SilenceRequest(matchers("{slo=\"\"}"), hour, NOW, " ", ""),
                        List.of(SILENCES_EVERYTHING,
                                "it ends at 2026-11-23T10:00:00Z, not after it starts at 2026-11-23T11:00:00Z",
                                "it ends at 2026-11-23T10:00:00Z, which is not in the future (now is 2026-11-23T10:00:00Z)",
                                "createdBy is empty; say who creates it",
                                "comment is empty; say why it is needed")),
                Arguments.of(new SilenceRequest(matchers(manyMatchers(33)), NOW, hour, "ana", "x"),
                        List.of("it has 33 matchers; at most 32 are allowed")),
                Arguments.of(new SilenceRequest(matchers("{slo=\"" + "v".repeat(1025) + "\"}"), NOW, hour, "a".repeat(1025),
                                "c".repeat(1025)),
                        List.of("matcher on label \"slo\" is longer than 1024 characters in its name or value",
                                "createdBy is longer than 1024 characters", "comment is longer than 1024 characters")));
    }

    private static String manyMatchers(int count) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append("l").append(i).append("=\"v\"");
        }
        return text.append('}').toString();
    }

    private static final String SILENCES_EVERYTHING = "every matcher matches alerts without the label, so it would "
            + "silence almost everything; add a matcher that requires a value, e.g. slo=\"checkout-availability\"";

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void shouldRefuseAnInvalidRequestSayingEverythingWrongWithIt(SilenceRequest request, List<String> problems) {
        assertThatThrownBy(() -> silences.create(ID_1, request, NOW))
                .isInstanceOfSatisfying(InvalidSilenceException.class,
                        e -> assertThat(e.problems()).containsExactlyElementsOf(problems))
                .hasMessage("invalid silence: " + String.join("; ", problems));
        assertThat(silences.all()).isEmpty();
    }

    @Test
    void shouldAcceptANegativeMatcherAloneAsAlertmanagerDoes() {
        Silence silence = silences.create(ID_1, request("{team!=\"payments\"}", NOW, NOW.plusSeconds(60)), NOW);

        assertThat(silences.silencedBy(Map.of("slo", "a"), NOW)).containsExactly(silence.id());
    }

    @Test
    void shouldListSilencesWhoseMatchersPassTheFilterActiveThenPendingThenExpired() {
        Instant hour = NOW.plus(Duration.ofHours(1));
        silences.create(ID_1, request("{slo=\"checkout-availability\"}", hour, hour.plusSeconds(60)), NOW);
        silences.create(ID_2, request("{slo=\"checkout-latency\", severity=\"page\"}", NOW, hour), NOW);
        silences.create(ID_3, request("{slo=\"checkout-errors\"}", NOW, hour), NOW);
        silences.expire(ID_3, NOW.plusSeconds(1));
        UUID search = UUID.fromString("00000000-0000-0000-0000-000000000004");
        silences.create(search, request("{slo=\"search\"}", NOW, hour), NOW);
        Instant later = NOW.plusSeconds(2);

        assertThat(silences.list(matchers("{slo=~\"checkout-.*\"}"), later)).extracting(Silence::id)
                .containsExactly(ID_2, ID_1, ID_3);
        assertThat(silences.list(matchers("{severity=\"page\"}"), later)).extracting(Silence::id)
                .containsExactly(ID_2);
        assertThat(silences.list(Matchers.NONE, later)).extracting(Silence::id)
                .containsExactly(ID_2, search, ID_1, ID_3);
    }

    @Test
    void shouldForgetSilencesLongAfterTheyEnded() {
        silences.create(ID_1, request("{slo=\"a\"}", NOW, NOW.plusSeconds(60)), NOW);
        silences.create(ID_2, request("{slo=\"b\"}", NOW, NOW.plusSeconds(120)), NOW);
        Instant forgotten = NOW.plusSeconds(60).plus(Silences.RETENTION);

        assertThat(silences.gc(forgotten.minusNanos(1))).isZero();
        assertThat(silences.gc(forgotten)).isEqualTo(1);
        assertThat(silences.all()).extracting(Silence::id).containsExactly(ID_2);
    }
}

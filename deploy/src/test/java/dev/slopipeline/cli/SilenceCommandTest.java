package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code slo silence} against a real router on a real broker: what an on-call engineer sees. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SilenceCommandTest {

    private static final String WRITE_TOKEN = "silence-cli-write-token";
    private static final String READ_TOKEN = "silence-cli-read-token";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();
    private static final String SUFFIX = SharedKafka.unique(".silence-cli");

    private static RouterApp router;
    private static String url;

    @BeforeAll
    static void startRouter(@TempDir Path stateDir) throws Exception {
        String config = """
                route:
                  receiver: pager
                receivers:
                - name: pager
                """;
        router = RouterApp.start(RouterAppConfig.builder().bootstrapServers(kafka.bootstrapServers())
                .set(RouterAppKeys.APPLICATION_ID, "silence-cli-test" + SUFFIX)
                .set(RouterAppKeys.STATE_DIR, stateDir)
                .topics(RouterTopics.withSuffix(SUFFIX))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + SUFFIX)
                .set(RouterAppKeys.PARTITIONS, 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                .set(RouterAppKeys.API_READ_TOKEN, READ_TOKEN)
                .build(),
                RouterConfigLoader.parse("router.yml", config).orElseThrow());
        url = "http://127.0.0.1:" + router.httpPort();
        awaitRun("the router ready to list silences", () -> slo("silence", "list", "--url", url, "--token", READ_TOKEN), run -> run.exitCode == 0);
    }

    @AfterAll
    static void stopRouter() {
        if (router != null) {
            router.close();
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run slo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SloCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void shouldAddListAndExpireASilenceLikeAmtool() throws Exception {
        Run added = slo("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--duration", "2h", "--author", "alice",
                "--comment", "planned failover", "slo=\"checkout\"", "team=~\"pay.*\"");

        assertThat(added.exitCode()).as(added.err()).isZero();
        String id = added.out().trim();
        assertThat(UUID.fromString(id)).isNotNull();
        Run listed = awaitRun("the silence listed", () -> slo("silence", "list", "--url", url, "--token", READ_TOKEN),
                run -> run.out().contains(id));
        assertThat(listed.out().lines().findFirst().orElseThrow())
                .matches("ID\\s+Matchers\\s+Ends At\\s+Created By\\s+Comment");
        assertThat(listed.out().lines().filter(line -> line.startsWith(id)).findFirst().orElseThrow())
                .contains("slo=\"checkout\" team=~\"pay.*\"", " UTC ", "alice", "planned failover");

        JsonNode json = JsonMapper.builder().build().readTree(slo("silence", "list", "--url", url, "--token", READ_TOKEN, "-o", "json").out());
        JsonNode silence = json.findParents("id").stream().filter(node -> node.path("id").asText().equals(id))
                .findFirst().orElseThrow();
        assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
        assertThat(silence.path("createdByToken").asText()).as("the token it was added with").isEqualTo("write token");
        Duration lasts = Duration.between(Instant.parse(silence.path("startsAt").asText()),
                Instant.parse(silence.path("endsAt").asText()));
        assertThat(lasts).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));

        Run expired = slo("silence", "expire", "--url", url, "--token", WRITE_TOKEN, id);
        assertThat(expired.exitCode()).as(expired.err()).isZero();
        awaitRun("the silence among the expired ones", () -> slo("silence", "list", "--expired", "--url", url, "--token", READ_TOKEN, "-q"),
                run -> run.out().lines().anyMatch(id::equals));
        assertThat(slo("silence", "list", "--url", url, "--token", READ_TOKEN, "-q").out()).doesNotContain(id);
    }

    @Test
    void shouldTakeTheTokenFromTheEnvironment() {
        Run fromEnvironment;
        // picocli reads ${SLO_ROUTER_TOKEN} from a system property before the environment variable of that name.
        System.setProperty("SLO_ROUTER_TOKEN", WRITE_TOKEN);
        try {
            fromEnvironment = slo("silence", "add", "--url", url, "--author", "bob", "--comment", "deploy",
                    "slo=\"search\"");
        } finally {
            System.clearProperty("SLO_ROUTER_TOKEN");
        }

        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
        assertThat(UUID.fromString(fromEnvironment.out().trim())).isNotNull();
    }

    /** A command line, its exit code, and what its error output must say. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("adding without a token is refused and told how to authenticate",
                        List.of("silence", "add", "--url", url, "--author", "bob", "--comment", "deploy", "slo=\"search\""),
                        1, List.of("401", "Authorization: Bearer")),
                Arguments.of("adding with a read-only token is refused for its scope",
                        List.of("silence", "add", "--url", url, "--token", READ_TOKEN, "--author", "bob", "--comment",
                                "deploy", "slo=\"search\""),
                        1, List.of("403", "scope read")),
                Arguments.of("a matcher that cannot be read is a usage error",
                        List.of("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--author", "carol",
                                "--comment", "x", "slo=~\"(\""),
                        2, List.of("matcher slo=~\"(\" cannot be read")),
                Arguments.of("a silence that matches everything is refused with the router's reason",
                        List.of("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--author", "carol",
                                "--comment", "too wide", "slo=~\".*\""),
                        1, List.of("400", "every matcher matches alerts without the label")),
                Arguments.of("a silence that ends before it starts is refused",
                        List.of("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--author", "carol",
                                "--comment", "late", "--end", "2020-01-01T00:00:00Z", "slo=\"search\""),
                        1, List.of("400")),
                Arguments.of("expiring an unknown silence says there is none",
                        List.of("silence", "expire", "--url", url, "--token", WRITE_TOKEN, UUID.randomUUID().toString()),
                        1, List.of("404", "no silence with id")),
                Arguments.of("listing without a token is refused where the router has tokens",
                        List.of("silence", "list", "--url", url),
                        1, List.of("401", "Authorization: Bearer")),
                Arguments.of("an unreachable router is named",
                        List.of("silence", "list", "--url", "http://127.0.0.1:1"),
                        1, List.of("cannot reach the router at http://127.0.0.1:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldExplainWhyACommandWasRefused(String behaviour, List<String> args, int exitCode, List<String> reasons) {
        Run run = slo(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(behaviour).isEqualTo(exitCode);
        assertThat(run.err()).as(behaviour).contains(reasons);
    }

    private static Run awaitRun(String what, java.util.function.Supplier<Run> run, Predicate<Run> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Run last = run.get();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("waiting for %s; last seen: %s", what, last).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
            last = run.get();
        }
        return last;
    }
}

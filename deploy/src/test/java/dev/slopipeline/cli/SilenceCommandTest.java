package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.router.app.ApiScope;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo silence} against a real router on a real broker: what an on-call engineer sees. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SilenceCommandTest {

    private static final String WRITE_TOKEN = "silence-cli-write-token";
    private static final String READ_TOKEN = "silence-cli-read-token";
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static EmbeddedKafkaBroker broker;
    private static RouterApp router;
    private static String url;

    @BeforeAll
    static void startRouter(@TempDir Path stateDir) throws Exception {
        broker = EmbeddedKafkaBroker.builder().start();
        String config = """
                route:
                  receiver: pager
                receivers:
                - name: pager
                """;
        router = RouterApp.builder(broker.bootstrapServers(), RouterConfigLoader.parse("router.yml", config).orElseThrow())
                .applicationId("silence-cli-test")
                .stateDir(stateDir)
                .topics(RouterTopics.withSuffix(".silence-cli"))
                .deliveriesTopic("router.deliveries.silence-cli")
                .partitions(1)
                .httpPort(0)
                .apiToken(WRITE_TOKEN, ApiScope.WRITE)
                .apiToken(READ_TOKEN, ApiScope.READ)
                .start();
        url = "http://127.0.0.1:" + router.httpPort();
        awaitRun("the router ready to list silences", () -> slo("silence", "list", "--url", url), run -> run.exitCode == 0);
    }

    @AfterAll
    static void stopRouter() {
        if (router != null) {
            router.close();
        }
        if (broker != null) {
            broker.close();
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
        Run listed = awaitRun("the silence listed", () -> slo("silence", "list", "--url", url),
                run -> run.out().contains(id));
        assertThat(listed.out().lines().findFirst().orElseThrow())
                .matches("ID\\s+Matchers\\s+Ends At\\s+Created By\\s+Comment");
        assertThat(listed.out().lines().filter(line -> line.startsWith(id)).findFirst().orElseThrow())
                .contains("slo=\"checkout\" team=~\"pay.*\"", " UTC ", "alice", "planned failover");

        JsonNode json = JsonMapper.builder().build().readTree(slo("silence", "list", "--url", url, "-o", "json").out());
        JsonNode silence = json.findParents("id").stream().filter(node -> node.path("id").asText().equals(id))
                .findFirst().orElseThrow();
        assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
        Duration lasts = Duration.between(Instant.parse(silence.path("startsAt").asText()),
                Instant.parse(silence.path("endsAt").asText()));
        assertThat(lasts).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));

        Run expired = slo("silence", "expire", "--url", url, "--token", WRITE_TOKEN, id);
        assertThat(expired.exitCode()).as(expired.err()).isZero();
        awaitRun("the silence among the expired ones", () -> slo("silence", "list", "--expired", "--url", url, "-q"),
                run -> run.out().lines().anyMatch(id::equals));
        assertThat(slo("silence", "list", "--url", url, "-q").out()).doesNotContain(id);
    }

    @Test
    void shouldTakeTheTokenFromTheEnvironmentAndExplainARefusal() {
        Run anonymous = slo("silence", "add", "--url", url, "--author", "bob", "--comment", "deploy", "slo=\"search\"");
        Run readOnly = slo("silence", "add", "--url", url, "--token", READ_TOKEN, "--author", "bob", "--comment",
                "deploy", "slo=\"search\"");
        Run fromEnvironment;
        // picocli reads ${SLO_ROUTER_TOKEN} from a system property before the environment variable of that name.
        System.setProperty("SLO_ROUTER_TOKEN", WRITE_TOKEN);
        try {
            fromEnvironment = slo("silence", "add", "--url", url, "--author", "bob", "--comment", "deploy",
                    "slo=\"search\"");
        } finally {
            System.clearProperty("SLO_ROUTER_TOKEN");
        }

        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.err()).contains("401", "Authorization: Bearer");
        assertThat(readOnly.exitCode()).isEqualTo(1);
        assertThat(readOnly.err()).contains("403", "scope read");
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
        assertThat(UUID.fromString(fromEnvironment.out().trim())).isNotNull();
    }

    @Test
    void shouldRefuseBadMatchersAndInvalidSilencesWithReasons() {
        Run unreadable = slo("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--author", "carol",
                "--comment", "x", "slo=~\"(\"");
        Run matchesEverything = slo("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--author", "carol",
                "--comment", "too wide", "slo=~\".*\"");
        Run endsBeforeItStarts = slo("silence", "add", "--url", url, "--token", WRITE_TOKEN, "--author", "carol",
                "--comment", "late", "--end", "2020-01-01T00:00:00Z", "slo=\"search\"");

        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains("matcher slo=~\"(\" cannot be read");
        assertThat(matchesEverything.exitCode()).isEqualTo(1);
        assertThat(matchesEverything.err()).contains("400", "every matcher matches alerts without the label");
        assertThat(endsBeforeItStarts.exitCode()).isEqualTo(1);
        assertThat(endsBeforeItStarts.err()).contains("400");
    }

    @Test
    void shouldSayWhenASilenceIsUnknownOrTheRouterUnreachable() {
        Run unknown = slo("silence", "expire", "--url", url, "--token", WRITE_TOKEN, UUID.randomUUID().toString());
        Run unreachable = slo("silence", "list", "--url", "http://127.0.0.1:1");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404", "no silence with id");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the router at http://127.0.0.1:1");
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

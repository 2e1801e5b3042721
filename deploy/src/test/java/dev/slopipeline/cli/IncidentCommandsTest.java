package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code slo incidents}, {@code slo ack} and {@code slo resolve} against a local server that answers as the router. */
class IncidentCommandsTest {

    private static final String LIST = """
            {"incidents":[{"id":"checkout-availability-20261123-100410","slo":"checkout-availability","severity":"page",
            "state":"acknowledged","summary":"checkout is failing","service":"storefront","team":"payments",
            "triggeredAt":"2026-11-23T10:04:10Z","acknowledgedAt":"2026-11-23T10:09:00Z","acknowledgedBy":"alice",
            "resolvedAt":null,"resolvedBy":null,"level":1,"policy":"payments","notified":["alice"]}]}""";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            String path = exchange.getRequestURI().getPath();
            int status;
            String answer;
            if (path.equals("/api/v1/incidents")) {
                status = 200;
                answer = LIST;
            } else if (path.endsWith("/done/ack")) {
                status = 409;
                answer = "{\"error\":\"incident done was resolved at 2026-11-23T11:00:00Z; there is nothing to acknowledge\",\"status\":409}";
            } else {
                status = 202;
                answer = "{\"id\":\"x\",\"action\":\"acknowledge\",\"message\":\"acknowledgement accepted\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... args) {
        return SloCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void shouldListIncidentsAsATable() {
        assertThat(run("incidents", "--state", "all", "--url", url(), "--token", "r")).isZero();
        assertThat(requests).containsExactly("GET /api/v1/incidents?state=all Bearer r ");
        assertThat(out.toString().lines()).element(1).asString()
                .contains("checkout-availability-20261123-100410", "acknowledged", "alice", "checkout is failing");
    }

    @Test
    void shouldAcknowledgeWithWhoAndComment() {
        assertThat(run("ack", "checkout-1", "--by", "alice", "--comment", "on it", "--url", url(), "--token", "w")).isZero();
        assertThat(requests).containsExactly(
                "POST /api/v1/incidents/checkout-1/ack Bearer w {\"by\":\"alice\",\"comment\":\"on it\"}");
        assertThat(out.toString()).contains("checkout-1: acknowledgement accepted");
    }

    @Test
    void shouldSayWhyTheRouterRefusedAndExitWithOne() {
        assertThat(run("ack", "done", "--by", "alice", "--url", url(), "--token", "w")).isEqualTo(1);
        assertThat(err.toString()).contains("slo ack: the router answered POST /api/v1/incidents/done/ack with 409", "nothing to acknowledge");
    }

    @Test
    void shouldResolve() {
        assertThat(run("resolve", "checkout-1", "--by", "bob", "--url", url(), "--token", "w")).isZero();
        assertThat(requests).containsExactly("POST /api/v1/incidents/checkout-1/resolve Bearer w {\"by\":\"bob\"}");
    }

    @ParameterizedTest(name = "slo {0} --help")
    @ValueSource(strings = {"incidents", "ack", "resolve"})
    void shouldExplainEachCommand(String command) {
        StringWriter help = new StringWriter();
        assertThat(SloCommand.execute(new PrintWriter(help), new PrintWriter(new StringWriter()), command, "--help"))
                .as("slo %s --help", command).isZero();
        assertThat(help.toString()).as("slo %s --help", command).contains("--url", "SLO_ROUTER_TOKEN");
    }

    @Test
    void shouldSayWhenTheRouterCannotBeReached() {
        server.stop(0);
        assertThat(run("incidents", "--url", url())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the router");
    }
}

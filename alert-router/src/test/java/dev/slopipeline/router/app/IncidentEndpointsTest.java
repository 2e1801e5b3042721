package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.oncall.escalation.EscalationLevel;
import dev.slopipeline.router.oncall.escalation.EscalationPolicy;
import dev.slopipeline.router.oncall.escalation.EscalationProcess;
import dev.slopipeline.router.oncall.escalation.PagingMode;
import dev.slopipeline.router.oncall.escalation.Step;
import dev.slopipeline.router.oncall.incident.AckLinkSigner;
import dev.slopipeline.router.oncall.incident.Incident;
import dev.slopipeline.router.oncall.incident.IncidentCommand;
import dev.slopipeline.router.oncall.incident.IncidentCommandCodec;
import dev.slopipeline.router.oncall.incident.IncidentJson;
import dev.slopipeline.router.oncall.incident.IncidentView;
import dev.slopipeline.router.oncall.schedule.Contact;
import dev.slopipeline.router.oncall.schedule.ContactType;
import dev.slopipeline.router.oncall.schedule.OnCallConfig;
import dev.slopipeline.router.oncall.schedule.User;
import dev.slopipeline.router.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/** The incident endpoints and signed links: who may call them, and what reaches the command topic. */
class IncidentEndpointsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ApiAccess ACCESS = ApiAccess.NONE.withToken("writer", ApiScope.WRITE)
            .withToken("reader", ApiScope.READ).withTokenRequiredForReads(true);
    private static final Secret SECRET = Secret.inline("link-secret-of-at-least-32-bytes!");

    private final TreeMap<String, byte[]> store = new TreeMap<>();
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final Clock clock = Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC);
    private final IncidentEndpoints endpoints = new IncidentEndpoints(new CommandSender(producer),
            "router.incident-commands", () -> new IncidentView(new MapStore(store)), clock);
    /** The endpoints behind their rows of the router's table, with its token checks. */
    private final ApiRoutes api = new ApiRoutes(ACCESS)
            .read(IncidentEndpoints.PATH, endpoints::list)
            .read(IncidentEndpoints.PATH + "/{id}", endpoints::show)
            .write("POST", IncidentEndpoints.PATH + "/{id}/{action}", endpoints::act);
    private final AckLinkEndpoint links = new AckLinkEndpoint(() -> Optional.of(SECRET), endpoints,
            () -> new IncidentView(new MapStore(store)), clock);

    @Test
    void shouldRefuseReadsWithoutAValidTokenWhenReadsNeedOne() throws Exception {
        assertThat(list(get(IncidentEndpoints.PATH, null, null)).status()).isEqualTo(401);
        assertThat(list(get(IncidentEndpoints.PATH, "Bearer nope", null)).status()).isEqualTo(401);
        assertThat(list(get(IncidentEndpoints.PATH, "Bearer reader", null)).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAcknowledgementsWithoutAWriteToken() {
        store("checkout-1", false);
        assertThat(act(post("checkout-1", "ack", null)).status()).isEqualTo(401);
        assertThat(act(post("checkout-1", "ack", "Bearer nope")).status()).isEqualTo(401);
        assertThat(act(post("checkout-1", "ack", "Bearer reader")).status()).isEqualTo(403);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldListOpenIncidentsNewestFirstAndAllOnRequest() throws Exception {
        store("older", false);
        store("resolved", true);
        JsonNode open = body(list(get(IncidentEndpoints.PATH, "Bearer reader", "state=open")));
        assertThat(open.path("incidents")).extracting(item -> item.path("id").asText()).containsExactly("older");
        assertThat(open.path("incidents").get(0).path("state").asText()).isEqualTo("triggered");
        assertThat(open.path("incidents").get(0).path("notified").get(0).asText()).isEqualTo("alice");
        JsonNode all = body(list(get(IncidentEndpoints.PATH, "Bearer reader", "state=all")));
        assertThat(all.path("incidents")).hasSize(2);
        JsonNode one = body(show(Request.builder("GET", IncidentEndpoints.PATH + "/older")
                .header("Authorization", "Bearer reader").pathParameter("id", "older").build()));
        assertThat(one.path("timeline").get(0).path("kind").asText()).isEqualTo("triggered");
    }

    @Test
    void shouldPutAnAcknowledgementOnTheCommandTopicKeyedByItsSlo() throws Exception {
        store("checkout-1", false);
        Reply reply = act(post("checkout-1", "ack", "Bearer writer", "{\"by\":\"alice\",\"comment\":\"on it\"}"));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.history().get(0).key()).isEqualTo("checkout-availability");
        IncidentCommand command = ((Decoded.Ok<IncidentCommand>) new IncidentCommandCodec()
                .decode(producer.history().get(0).value())).value();
        assertThat(command).as("the name of the token that sent it, for the timeline").isEqualTo(new IncidentCommand(
                IncidentCommand.Action.ACKNOWLEDGE, "checkout-1", "checkout-availability", "alice", Optional.of("on it"),
                clock.instant(), Optional.of("write token")));
    }

    @Test
    void shouldAnswer404ForAnUnknownIncidentAnd409ForAResolvedOne() throws Exception {
        store("done", true);
        assertThat(act(post("nope", "ack", "Bearer writer")).status()).isEqualTo(404);
        Reply resolved = act(post("done", "ack", "Bearer writer"));
        assertThat(resolved.status()).isEqualTo(409);
        assertThat(body(resolved).path("error").asText()).contains("was resolved").contains("nothing to acknowledge");
        assertThat(act(post("done", "ack", "Bearer writer")).status()).isEqualTo(409);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRequireWhoActs() {
        store("checkout-1", false);
        Reply reply = act(post("checkout-1", "resolve", "Bearer writer", "{}"));
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldOnlyAskForConfirmationWhenALinkIsFetched() {
        store("checkout-1", false);
        String token = new AckLinkSigner(SECRET).sign("checkout-1", "alice", T0.plus(Duration.ofHours(1)));
        Reply reply = links.confirm(link("GET", token));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.headers()).containsEntry("Cache-Control", "no-store");
        String page = new String(reply.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("Acknowledge incident <b>checkout-1</b> (checkout-availability, checkout is failing)"
                + " as <b>alice</b>?")
                .contains("<form method=\"post\" action=\"" + AckLinkEndpoint.PATH + token + "\">");
        assertThat(producer.history()).as("a link previewer acknowledges nothing").isEmpty();
    }

    @Test
    void shouldSayWhenALinkPointsAtAResolvedIncident() {
        store("done", true);
        String token = new AckLinkSigner(SECRET).sign("done", "alice", T0.plus(Duration.ofHours(1)));
        Reply reply = links.confirm(link("GET", token));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("is resolved");
    }

    @Test
    void shouldEscapeWhatTheIncidentSaysInTheConfirmationPage() {
        assertThat(AckPage.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void shouldAcknowledgeThroughAValidSignedLinkWithoutABearerToken() throws Exception {
        store("checkout-1", false);
        String token = new AckLinkSigner(SECRET).sign("checkout-1", "alice", T0.plus(Duration.ofHours(1)));
        Reply reply = links.acknowledge(link("POST", token));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("acknowledged as alice");
        IncidentCommand command = ((Decoded.Ok<IncidentCommand>) new IncidentCommandCodec()
                .decode(producer.history().get(0).value())).value();
        assertThat(command.by()).isEqualTo("alice");
        assertThat(command.incident()).isEqualTo("checkout-1");
        assertThat(command.token()).as("the timeline says the link was the credential").hasValue("ack link");
    }

    @Test
    void shouldRefuseExpiredForgedAndAlteredLinks() {
        store("checkout-1", false);
        store("checkout-2", false);
        AckLinkSigner signer = new AckLinkSigner(SECRET);
        String expired = signer.sign("checkout-1", "alice", T0.plusSeconds(60));
        String forged = new AckLinkSigner(Secret.inline("a-guessed-key-of-at-least-32-bytes")).sign("checkout-1", "alice", T0.plus(Duration.ofHours(1)));
        String valid = signer.sign("checkout-1", "alice", T0.plus(Duration.ofHours(1)));
        String[] parts = valid.split("\\.");
        String otherIncident = String.join(".", parts[0],
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("checkout-2".getBytes(StandardCharsets.UTF_8)),
                parts[2], parts[3], parts[4]);
        for (String token : List.of(expired, forged, otherIncident, "garbage")) {
            Reply shown = links.confirm(link("GET", token));
            assertThat(shown.status()).as(token).isEqualTo(403);
            assertThat(new String(shown.body(), StandardCharsets.UTF_8)).as(token)
                    .contains("This acknowledge link is refused").doesNotContain("<form");
            Reply posted = links.acknowledge(link("POST", token));
            assertThat(posted.status()).as(token).isEqualTo(403);
        }
        assertThat(new String(links.confirm(link("GET", expired)).body(), StandardCharsets.UTF_8)).contains("expired at");
        assertThat(producer.history()).isEmpty();
    }

    private Reply list(Request request) {
        return api.handler("GET", IncidentEndpoints.PATH).handle(request);
    }

    private Reply show(Request request) {
        return api.handler("GET", IncidentEndpoints.PATH + "/{id}").handle(request);
    }

    private Reply act(Request request) {
        return api.handler("POST", IncidentEndpoints.PATH + "/{id}/{action}").handle(request);
    }

    private void store(String id, boolean resolved) {
        User alice = new User("alice", ZoneId.of("Europe/Berlin"), List.of(new Contact(ContactType.EMAIL, "a@example.com")));
        EscalationPolicy policy = new EscalationPolicy("payments", List.of(new EscalationLevel(List.of("alice"), List.of(),
                Optional.empty(), Optional.empty())), 0, Optional.empty());
        EscalationProcess process = new EscalationProcess(policy, new OnCallConfig(Map.of("alice", alice), Map.of()));
        Instant at = id.equals("older") ? T0 : T0.plusSeconds(30);
        Step triggered = process.trigger(id, PagingMode.ESCALATE, at);
        Incident incident = new Incident(id, "checkout-availability", "page", "storefront", Optional.of("payments"),
                "checkout is failing", Map.of("slo", "checkout-availability"), "pager", triggered.state(), 1, List.of(),
                List.of()).after(triggered);
        if (resolved) {
            incident = incident.after(process.resolve(incident.escalation(), Optional.of("bob"), at.plusSeconds(10)));
        }
        store.put(id, IncidentJson.write(incident));
    }

    private static Request get(String path, String authorization, String query) {
        return authorized(Request.builder("GET", path), authorization).query(query).build();
    }

    private static Request post(String id, String verb, String authorization) {
        return post(id, verb, authorization, "{\"by\":\"alice\"}");
    }

    /** As routed from {@code POST /api/v1/incidents/{id}/{action}}. */
    private static Request post(String id, String verb, String authorization, String body) {
        return authorized(Request.builder("POST", IncidentEndpoints.PATH + "/" + id + "/" + verb), authorization)
                .pathParameter("id", id).pathParameter("action", verb).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** As routed from {@code /ack/{token}}. */
    private static Request link(String method, String token) {
        return Request.builder(method, AckLinkEndpoint.PATH + token).pathParameter("token", token).build();
    }

    private static Request.Builder authorized(Request.Builder request, String authorization) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static JsonNode body(Reply reply) throws Exception {
        return MAPPER.readTree(reply.body());
    }

    /** A read-only store over a sorted map, as the global store answers. */
    private record MapStore(TreeMap<String, byte[]> map) implements ReadOnlyKeyValueStore<String, byte[]> {

        @Override
        public byte[] get(String key) {
            return map.get(key);
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            return iterator(map.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return iterator(map);
        }

        @Override
        public long approximateNumEntries() {
            return map.size();
        }

        private static KeyValueIterator<String, byte[]> iterator(Map<String, byte[]> entries) {
            Iterator<Map.Entry<String, byte[]>> it = List.copyOf(entries.entrySet()).iterator();
            return new KeyValueIterator<>() {
                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, byte[]> next() {
                    Map.Entry<String, byte[]> entry = it.next();
                    return KeyValue.pair(entry.getKey(), entry.getValue());
                }
            };
        }
    }
}

package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON the topology reads from router.commands and writes to router.notifications. */
class WireFormatsTest {

    private static final UUID ID = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final SilenceCommandCodec commands = new SilenceCommandCodec();
    private final IntentCodec notifications = new IntentCodec();

    @Test
    void shouldReadACreateCommandWithAlertmanagerMatchers() {
        String json = """
                {"type":"create-silence","id":"%s","matchers":["slo=\\"checkout\\"","{severity=~\\"page|ticket\\"}"],
                 "startsAt":"2026-11-23T10:00:00Z","endsAt":"2026-11-23T12:00:00Z","createdBy":"alice","comment":"deploy"}
                """.formatted(ID);

        Decoded<SilenceCommand> decoded = commands.decode(ID.toString(), json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isEqualTo(new Decoded.Ok<>(new SilenceCommand.Create(ID, new SilenceRequest(
                Matchers.of(MatcherParser.parse("slo=\"checkout\", severity=~\"page|ticket\"").matchers()), AT,
                Instant.parse("2026-11-23T12:00:00Z"), "alice", "deploy"))));
    }

    @Test
    void shouldReadBackTheCommandsItWrites() {
        SilenceCommand create = new SilenceCommand.Create(ID, new SilenceRequest(
                Matchers.of(MatcherParser.parse("{team!=\"shop\", slo=~\"check.*\"}").matchers()), AT,
                AT.plusSeconds(60), "bob", "why"));
        SilenceCommand expire = new SilenceCommand.Expire(ID);

        SilenceCommand sentWithAToken = new SilenceCommand.Create(ID, ((SilenceCommand.Create) create).request()
                .withCreatedByToken("ci-bot"));

        assertThat(commands.decode(ID.toString(), commands.encode(create))).isEqualTo(new Decoded.Ok<>(create));
        assertThat(commands.decode(ID.toString(), commands.encode(sentWithAToken)))
                .isEqualTo(new Decoded.Ok<>(sentWithAToken));
        assertThat(new String(commands.encode(expire), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"expire-silence\",\"id\":\"" + ID + "\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"expire-silence\",\"id\":\"00000000-0000-4000-8000-000000000001\"} | the record key \"6f9619ff-8b86-d011-b42d-00c04fc964ff\" but the command is for silence 00000000-0000-4000-8000-000000000001; key commands by silence id",
            "{\"type\":\"delete-silence\",\"id\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"} | field \"type\": expected \"create-silence\" or \"expire-silence\", got \"delete-silence\"",
            "{\"type\":\"expire-silence\",\"id\":\"42\"} | field \"id\": expected a UUID, got \"42\"",
            "[] | expected a JSON object with \"type\": \"create-silence\" or \"expire-silence\"",
            "{\"type\":\"create-silence\",\"id\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"matchers\":[\"slo\"]} | field \"matchers\": \"slo\" is not a matcher"})
    void shouldSayWhatIsWrongWithACommand(String json, String reason) {
        Decoded<SilenceCommand> decoded = commands.decode(ID.toString(), json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Invalid.class,
                invalid -> assertThat(invalid.reason()).startsWith(reason));
    }

    @Test
    void shouldReadASilenceAsTheApiReceivesItStartingNowUnlessItSaysWhen() {
        // a token name in the body is not the caller's to give: the API records the token it was sent with
        String json = """
                {"matchers":["slo=\\"checkout\\""],"endsAt":"2026-11-23T12:00:00Z","createdBy":"alice","comment":"deploy",
                 "createdByToken":"someone else"}
                """;

        Decoded<SilenceRequest> decoded = commands.decodeRequest(json.getBytes(StandardCharsets.UTF_8), AT);

        assertThat(decoded).isEqualTo(new Decoded.Ok<>(new SilenceRequest(
                Matchers.of(MatcherParser.parse("slo=\"checkout\"").matchers()), AT,
                Instant.parse("2026-11-23T12:00:00Z"), "alice", "deploy")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json | not JSON",
            "[] | expected a JSON object with \"matchers\"",
            "{\"matchers\":[\"slo=x\"],\"endsAt\":\"tomorrow\",\"createdBy\":\"a\",\"comment\":\"c\"} | field \"endsAt\": expected an ISO-8601 UTC instant",
            "{\"matchers\":[\"slo=x\"],\"endsAt\":\"2026-11-23T12:00:00Z\",\"comment\":\"c\"} | field \"createdBy\": missing or not a string"})
    void shouldSayWhatIsWrongWithASilenceFromTheApi(String json, String reason) {
        Decoded<SilenceRequest> decoded = commands.decodeRequest(json.getBytes(StandardCharsets.UTF_8), AT);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Invalid.class,
                invalid -> assertThat(invalid.reason()).startsWith(reason));
    }

    @Test
    void shouldWriteNotificationsInTheWebhookShapeAndReadThemBack() {
        Alert resolved = new Alert(AlertState.RESOLVED, Map.of("slo", "checkout"), Map.of("summary", "ok"), AT,
                AT.plusSeconds(60), null, "0123456789abcdef");
        Notification notification = new Notification("0f".repeat(16), "pager", "{}:{slo=\"checkout\"}",
                List.of(resolved), Map.of("slo", "checkout"), Map.of("slo", "checkout"), Map.of("summary", "ok"),
                URI.create("https://router.example"), null, new Acknowledgement("alice", AT));

        byte[] json = notifications.encode(notification);

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"receiver\":\"pager\","
                + "\"groupKey\":\"{}:{slo=\\\"checkout\\\"}\",\"alerts\":[{\"status\":\"resolved\","
                + "\"labels\":{\"slo\":\"checkout\"},\"annotations\":{\"summary\":\"ok\"},"
                + "\"startsAt\":\"2026-11-23T10:00:00Z\",\"endsAt\":\"2026-11-23T10:01:00Z\","
                + "\"fingerprint\":\"0123456789abcdef\"}],\"groupLabels\":{\"slo\":\"checkout\"},"
                + "\"commonLabels\":{\"slo\":\"checkout\"},\"commonAnnotations\":{\"summary\":\"ok\"},"
                + "\"externalURL\":\"https://router.example\","
                + "\"acknowledgement\":{\"by\":\"alice\",\"at\":\"2026-11-23T10:00:00Z\"}}");
        assertThat(notifications.decode(notification.idempotencyKey(), json)).isEqualTo(new Decoded.Ok<>(notification));
    }
}

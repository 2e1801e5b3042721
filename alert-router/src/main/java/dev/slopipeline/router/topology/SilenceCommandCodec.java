package dev.slopipeline.router.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Commands on {@code router.commands}, one JSON object per record, keyed by the silence id (UTF-8):
 * <pre>
 * {"type":"create-silence","id":"<uuid>","matchers":["slo=\"checkout\"","severity=~\"page|ticket\""],
 *  "startsAt":"2026-11-23T10:00:00Z","endsAt":"2026-11-23T12:00:00Z","createdBy":"alice","comment":"deploy",
 *  "createdByToken":"ci-bot"}
 * {"type":"expire-silence","id":"<uuid>"}
 * </pre>
 * {@code createdByToken} is the name of the API token that sent the silence; it is optional, and the API sets it (a
 * request body's own is ignored).
 * Each matcher string is read as Alertmanager reads matchers (UTF-8 syntax, classic syntax as fallback, braces
 * optional, several per string allowed). The id in the value must equal the record key, so a producer that keys by
 * something else is told instead of having its command land on the wrong partition. Unknown fields are ignored.
 * Thread-safe.
 */
public final class SilenceCommandCodec {

    static final String CREATE = "create-silence";
    static final String EXPIRE = "expire-silence";

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The command as the API would produce it; matchers are written in the UTF-8 syntax. */
    public byte[] encode(SilenceCommand command) {
        ObjectNode root = mapper.createObjectNode();
        if (command instanceof SilenceCommand.Create create) {
            SilenceRequest request = create.request();
            root.put("type", CREATE);
            root.put("id", create.id().toString());
            request.matchers().all().forEach(m -> root.withArray("matchers").add(m.toString()));
            root.put("startsAt", request.startsAt().toString());
            root.put("endsAt", request.endsAt().toString());
            root.put("createdBy", request.createdBy());
            root.put("comment", request.comment());
            request.createdByToken().ifPresent(token -> root.put("createdByToken", token));
        } else {
            root.put("type", EXPIRE);
            root.put("id", command.id().toString());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
        }
    }

    /** The command in the record, or one line saying what is wrong with it. */
    public Decoded<SilenceCommand> decode(String key, byte[] value) {
        if (value == null) {
            return new Decoded.Invalid<>("the record has no value; expected a create-silence or expire-silence command");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (IOException e) {
            return new Decoded.Invalid<>("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            return new Decoded.Invalid<>("expected a JSON object with \"type\": \"" + CREATE + "\" or \"" + EXPIRE + "\"");
        }
        try {
            UUID id = uuid(root);
            if (!id.toString().equals(key)) {
                throw new IllegalArgumentException("the record key " + (key == null ? "is missing" : "\"" + key + "\"")
                        + " but the command is for silence " + id + "; key commands by silence id");
            }
            String type = text(root, "type");
            if (type.equals(CREATE)) {
                return new Decoded.Ok<>(new SilenceCommand.Create(id, new SilenceRequest(matchers(root),
                        instant(root, "startsAt"), instant(root, "endsAt"), text(root, "createdBy"),
                        text(root, "comment"), root.has("createdByToken") ? Optional.of(text(root, "createdByToken"))
                        : Optional.empty())));
            }
            if (type.equals(EXPIRE)) {
                return new Decoded.Ok<>(new SilenceCommand.Expire(id));
            }
            return new Decoded.Invalid<>("field \"type\": expected \"" + CREATE + "\" or \"" + EXPIRE + "\", got \""
                    + type + "\"");
        } catch (IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }

    /**
     * A silence as the HTTP API receives it: the fields of a create command without {@code type} and {@code id}
     * (the API chooses the id), {@code startsAt} optional and then {@code now}. Only the shape is checked here; the
     * rules of a valid silence are {@link dev.slopipeline.router.routing.silence.Silences}'.
     */
    public Decoded<SilenceRequest> decodeRequest(byte[] value, Instant now) {
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (IOException e) {
            return new Decoded.Invalid<>("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            return new Decoded.Invalid<>("expected a JSON object with \"matchers\", \"endsAt\", \"createdBy\" and "
                    + "\"comment\"");
        }
        try {
            Instant startsAt = root.has("startsAt") ? instant(root, "startsAt") : now;
            return new Decoded.Ok<>(new SilenceRequest(matchers(root), startsAt, instant(root, "endsAt"),
                    text(root, "createdBy"), text(root, "comment")));
        } catch (IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }

    private static Matchers matchers(JsonNode root) {
        JsonNode items = root.get("matchers");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("field \"matchers\": expected an array of strings like "
                    + "\"slo=\\\"checkout-availability\\\"\"");
        }
        List<Matcher> matchers = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("field \"matchers\": expected strings, got " + item);
            }
            try {
                matchers.addAll(MatcherParser.parse(item.textValue()).matchers());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field \"matchers\": " + item + " is not a matcher: "
                        + e.getMessage(), e);
            }
        }
        return Matchers.of(matchers);
    }

    private static UUID uuid(JsonNode root) {
        String id = text(root, "id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"id\": expected a UUID, got \"" + id + "\"", e);
        }
    }

    private static Instant instant(JsonNode root, String field) {
        String text = text(root, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field \"" + field + "\": expected an ISO-8601 UTC instant like "
                    + "\"2026-11-23T10:00:00Z\", got \"" + text + "\"", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\": missing or not a string");
        }
        return value.textValue();
    }
}

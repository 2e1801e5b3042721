package dev.slopipeline.router.routing.silence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Silences as JSON, for the state store they live in:
 * <pre>{"version":1,"silences":[{"id":"…","matchers":[{"name":"slo","type":"=","value":"checkout"}],
 *  "startsAt":"…","endsAt":"…","updatedAt":"…","createdBy":"…","comment":"…","createdByToken":"…"}]}</pre>
 * Instants are ISO-8601 UTC; {@code type} is the matcher's operator ({@code =}, {@code !=}, {@code =~},
 * {@code !~}); {@code createdByToken}, the name of the API token that created the silence, is absent from silences
 * stored before tokens had names. Thread-safe.
 */
public final class SilencesCodec {

    private static final int VERSION = 1;

    private final JsonMapper mapper = JsonMapper.builder().build();

    public byte[] encode(List<Silence> silences) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        ArrayNode items = root.putArray("silences");
        for (Silence silence : silences) {
            ObjectNode item = items.addObject();
            item.put("id", silence.id().toString());
            ArrayNode matchers = item.putArray("matchers");
            for (Matcher matcher : silence.matchers().all()) {
                matchers.addObject()
                        .put("name", matcher.name())
                        .put("type", matcher.type().operator())
                        .put("value", matcher.value());
            }
            item.put("startsAt", silence.startsAt().toString());
            item.put("endsAt", silence.endsAt().toString());
            item.put("updatedAt", silence.updatedAt().toString());
            item.put("createdBy", silence.createdBy());
            item.put("comment", silence.comment());
            silence.createdByToken().ifPresent(token -> item.put("createdByToken", token));
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
        }
    }

    /**
     * @throws IllegalArgumentException if the bytes are not what {@link #encode} writes
     */
    public List<Silence> decode(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("silences snapshot is not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("silences snapshot has no \"version\":" + VERSION);
        }
        List<Silence> silences = new ArrayList<>();
        for (JsonNode item : root.path("silences")) {
            List<Matcher> matchers = new ArrayList<>();
            for (JsonNode m : item.path("matchers")) {
                matchers.add(Matcher.of(type(text(m, "type")), text(m, "name"), text(m, "value")));
            }
            silences.add(new Silence(UUID.fromString(text(item, "id")), Matchers.of(matchers),
                    Instant.parse(text(item, "startsAt")), Instant.parse(text(item, "endsAt")),
                    Instant.parse(text(item, "updatedAt")), text(item, "createdBy"), text(item, "comment"),
                    optionalText(item, "createdByToken")));
        }
        return silences;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("silences snapshot: field \"" + field + "\" is missing or not a string in "
                    + node);
        }
        return value.textValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(node, field));
    }

    private static MatchType type(String operator) {
        return Arrays.stream(MatchType.values())
                .filter(t -> t.operator().equals(operator))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("silences snapshot: unknown matcher type \"" + operator
                        + "\"; expected =, !=, =~ or !~"));
    }
}

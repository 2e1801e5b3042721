package dev.slopipeline.router.delivery.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.json.JsonBytes;
import dev.slopipeline.kit.json.JsonFields;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.RetryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A delivery outcome on {@code router.deliveries}: record key = the delivery key ({@code <idempotency key>#<index>}),
 * value = what became of it (schema: {@code schema/delivery-outcome.schema.json}):
 * {@code delivered}, {@code retrying} (with where and when the next attempt goes), {@code failed} (nothing more will
 * be tried) or {@code superseded} (a newer notification of the same group replaced it). The topic is compacted, so
 * the latest outcome of every key stays readable; a retrying record holds everything needed to resume the delivery
 * after a restart. Latencies are whole milliseconds. Each record also names the content delivered under its key (see
 * {@link NotificationContent}), so that a later intent reusing the key for other content is told apart from a redo;
 * records written before outcomes carried it, and those of intents that could not be delivered at all, have none.
 *
 * <p>Immutable and thread-safe.
 */
public final class OutcomeCodec {

    static final String DELIVERED = "delivered";
    static final String RETRYING = "retrying";
    static final String FAILED = "failed";
    static final String SUPERSEDED = "superseded";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One record of {@code router.deliveries}.
     *
     * @param content the digest of the content delivered under the key; null when the record does not say
     */
    public record Recorded(DeliveryOutcome outcome, String content) {
    }

    public byte[] encode(DeliveryOutcome outcome) {
        return encode(new Recorded(outcome, null));
    }

    public byte[] encode(Recorded recorded) {
        DeliveryOutcome outcome = recorded.outcome();
        ObjectNode root = NODES.objectNode();
        root.put("outcome", wireName(outcome));
        if (outcome.groupKey() != null) {
            root.put("groupKey", outcome.groupKey());
        }
        if (outcome.receiver() != null) {
            putReceiver(root, outcome.receiver());
        }
        if (recorded.content() != null) {
            root.put("content", recorded.content());
        }
        root.put("attempts", outcome.attempts());
        root.put("at", outcome.at().toString());
        if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            root.put("latencyMs", delivered.latency().toMillis());
        } else if (outcome instanceof DeliveryOutcome.Retrying retrying) {
            root.put("latencyMs", retrying.latency().toMillis());
            root.put("lastError", retrying.error());
            ObjectNode next = root.putObject("next");
            putReceiver(next, retrying.next().receiver());
            next.put("attemptsOnReceiver", retrying.next().attemptsOnReceiver());
            next.put("at", retrying.next().nextAttemptAt().toString());
        } else if (outcome instanceof DeliveryOutcome.FailedPermanently failed) {
            root.put("lastError", failed.error());
        } else {
            root.put("supersededBy", ((DeliveryOutcome.Superseded) outcome).supersededBy());
        }
        return JsonBytes.of(root);
    }

    /** The outcome recorded under {@code key}, or why the record cannot be read. */
    public Decoded<DeliveryOutcome> decode(String key, byte[] value) {
        Decoded<Recorded> decoded = decodeRecorded(key, value);
        return decoded instanceof Decoded.Ok<Recorded> ok
                ? new Decoded.Ok<>(ok.value().outcome())
                : new Decoded.Invalid<>(((Decoded.Invalid<Recorded>) decoded).reason());
    }

    /** The outcome recorded under {@code key} and the content it names, or why the record cannot be read. */
    public Decoded<Recorded> decodeRecorded(String key, byte[] value) {
        if (key == null || key.isBlank()) {
            return new Decoded.Invalid<>("the record has no key; the key is the delivery key");
        }
        try {
            JsonFields in = JsonFields.parse(value);
            return new Decoded.Ok<>(new Recorded(read(key, in), in.optionalText("content").orElse(null)));
        } catch (JsonFields.Refused | IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }

    /** {@code failed} on the wire for what the dispatcher calls {@code failed_permanently}: there is no other kind. */
    static String wireName(DeliveryOutcome outcome) {
        return outcome instanceof DeliveryOutcome.FailedPermanently ? FAILED : outcome.outcome();
    }

    private static DeliveryOutcome read(String key, JsonFields in) {
        String outcome = in.text("outcome");
        int attempts = in.count("attempts");
        Instant at = in.instant("at");
        return switch (outcome) {
            case DELIVERED -> new DeliveryOutcome.Delivered(key, in.text("groupKey"), receiver(in), attempts, at,
                    latency(in));
            case RETRYING -> {
                JsonFields next = in.object("next");
                String error = in.text("lastError");
                yield new DeliveryOutcome.Retrying(key, in.text("groupKey"), receiver(in), attempts, at, latency(in),
                        error, new RetryState(receiver(next), attempts, next.count("attemptsOnReceiver"),
                                next.instant("at"), error));
            }
            // A failure recorded for an intent that could not be read has no group, and perhaps no receiver.
            case FAILED -> new DeliveryOutcome.FailedPermanently(key, in.optionalText("groupKey").orElse(null),
                    in.optionalText("receiver").isPresent() ? receiver(in) : null, attempts, at, in.text("lastError"));
            case SUPERSEDED -> new DeliveryOutcome.Superseded(key, in.text("groupKey"), receiver(in), attempts, at,
                    in.text("supersededBy"));
            default -> throw in.refuse("\"outcome\" must be \"delivered\", \"retrying\", \"failed\" or"
                    + " \"superseded\", got \"" + outcome + "\"");
        };
    }

    private static void putReceiver(ObjectNode node, String name) {
        Optional<IntegrationId> integration = IntegrationId.parse(name);
        node.put("receiver", integration.map(IntegrationId::receiver).orElse(name));
        integration.ifPresent(id -> node.put("integration", id.index()));
    }

    /** The dispatcher's name for the receiver: an integration's when an index is written. */
    private static String receiver(JsonFields in) {
        String receiver = in.text("receiver");
        return in.optionalCount("integration").map(index -> new IntegrationId(receiver, index).name()).orElse(receiver);
    }

    private static Duration latency(JsonFields in) {
        return Duration.ofMillis(in.millis("latencyMs"));
    }
}

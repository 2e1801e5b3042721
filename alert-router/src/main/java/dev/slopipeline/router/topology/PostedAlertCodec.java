package dev.slopipeline.router.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.json.JsonBytes;
import dev.slopipeline.kit.json.JsonFields;
import dev.slopipeline.kit.result.Decoded;
import java.util.Map;

/**
 * {@code router.posted-alerts}, one alert per record, keyed by its fingerprint (UTF-8 hex):
 * <pre>
 * {"labels":{"alertname":"DiskFull"},"annotations":{"summary":"…"},"startsAt":"…","endsAt":"…","receivedAt":"…"}
 * </pre>
 * Instants are ISO-8601 UTC; {@code startsAt} and {@code endsAt} are absent when the sender left them unset, as are
 * annotations when it sent none. Unknown fields are ignored. Thread-safe.
 */
public final class PostedAlertCodec {

    public byte[] encode(PostedAlert alert) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        alert.labels().forEach(root.putObject("labels")::put);
        alert.annotations().forEach(root.putObject("annotations")::put);
        alert.startsAt().ifPresent(startsAt -> root.put("startsAt", startsAt.toString()));
        alert.endsAt().ifPresent(endsAt -> root.put("endsAt", endsAt.toString()));
        root.put("receivedAt", alert.receivedAt().toString());
        return JsonBytes.of(root);
    }

    /** The alert in the record, or one line saying what is wrong with it. */
    public Decoded<PostedAlert> decode(byte[] value) {
        try {
            JsonFields in = JsonFields.parse(value);
            return new Decoded.Ok<>(new PostedAlert(in.strings("labels"),
                    in.optionalObject("annotations").isPresent() ? in.strings("annotations") : Map.of(),
                    in.optionalInstant("startsAt"), in.optionalInstant("endsAt"), in.instant("receivedAt")));
        } catch (JsonFields.Refused | IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }
}

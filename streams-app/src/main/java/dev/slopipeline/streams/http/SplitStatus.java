package dev.slopipeline.streams.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import java.util.Map;

/**
 * The status of a split SLO as {@code GET /api/v1/slos/{name}} answers it: {@code {"slo":"<name>","series":{"<series
 * key>":<status>,...}}}, every series' status as stored, by key.
 */
final class SplitStatus {

    private SplitStatus() {
    }

    static byte[] encode(String slo, Map<String, byte[]> statusBySeries) {
        ObjectNode body = Json.object();
        body.put("slo", slo);
        ObjectNode series = body.putObject("series");
        statusBySeries.forEach((key, json) -> series.set(key, Json.parse(json, "the stored status of " + key)));
        return Json.bytes(body);
    }
}

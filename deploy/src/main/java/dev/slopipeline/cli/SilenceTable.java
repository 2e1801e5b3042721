package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Silences as amtool's simple output prints them: id, matchers, end, creator, comment, in aligned columns. */
final class SilenceTable {

    private static final List<String> HEADER = List.of("ID", "Matchers", "Ends At", "Created By", "Comment");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SilenceTable() {
    }

    static void print(PrintWriter out, Iterable<JsonNode> silences) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (JsonNode silence : silences) {
            List<String> matchers = new ArrayList<>();
            silence.path("matchers").forEach(matcher -> matchers.add(matcher.asText()));
            rows.add(List.of(silence.path("id").asText(), String.join(" ", matchers),
                    time(silence.path("endsAt").asText()), silence.path("createdBy").asText(),
                    silence.path("comment").asText()));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(column == widths.length - 1 ? row.get(column)
                        : String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String time(String text) {
        try {
            return TIME.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}

package dev.slopipeline.bench.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run's result: the machine, date, command and settings, tables of figures and notes;
 * written to {@code <name>-<date>.md} and {@code .json} in the results folder.
 */
public final class BenchReport {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A titled table: a header row and rows of cells. */
    public record Table(String title, List<String> header, List<List<String>> rows) {
        public Table(String title, String... header) {
            this(title, List.of(header), new ArrayList<>());
        }

        public Table row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }
    }

    private final String name;
    private final String title;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, String> machine = Machine.describe();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final String command;

    public BenchReport(String name, String title, String command) {
        this.name = name;
        this.title = title;
        this.command = command;
    }

    public BenchReport setting(String key, Object value) {
        settings.put(key, String.valueOf(value));
        return this;
    }

    public Table table(String tableTitle, String... header) {
        Table table = new Table(tableTitle, header);
        tables.add(table);
        return table;
    }

    /** A headline figure, also kept by name in the JSON for tools that compare runs. */
    public BenchReport figure(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public BenchReport note(String text) {
        notes.add(text);
        return this;
    }

    /** Writes the markdown and JSON files and returns the markdown's path. */
    public Path write(Path folder) {
        try {
            Files.createDirectories(folder);
            String stem = name + "-" + FILE_STAMP.format(started);
            Path markdown = folder.resolve(stem + ".md");
            Files.writeString(markdown, markdown());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("benchmark", name);
            json.put("date", started.toString());
            json.put("command", command);
            json.put("machine", machine);
            json.put("settings", settings);
            json.put("figures", figures);
            json.put("tables", tables);
            json.put("notes", notes);
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValue(folder.resolve(stem + ".json").toFile(), json);
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append("- date: ").append(started).append('\n');
        out.append("- command: `").append(command).append("`\n");
        machine.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
        out.append("\n## Settings\n\n");
        settings.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
        for (Table table : tables) {
            out.append("\n## ").append(table.title()).append("\n\n");
            out.append("| ").append(String.join(" | ", table.header())).append(" |\n");
            out.append("|").append(" --- |".repeat(table.header().size())).append('\n');
            for (List<String> row : table.rows()) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }
}

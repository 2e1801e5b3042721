package dev.slopipeline.kit.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Splits a YAML file into its documents, as located nodes; syntax errors become problems. */
public final class YamlDocuments {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_FILE_CODE_POINTS = 8 * 1024 * 1024;

    private YamlDocuments() {
    }

    public static List<YamlNode> read(Path file, String displayName, Problems problems) {
        try {
            return read(displayName, Files.readString(file, StandardCharsets.UTF_8), problems);
        } catch (IOException e) {
            problems.error(new SourceLocation(displayName, 1, 1), "cannot read the file: " + e.getMessage());
            return List.of();
        }
    }

    /** Every non-empty document in the text, in order. On a syntax error, the documents before it. */
    public static List<YamlNode> read(String displayName, String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        List<YamlNode> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (Node node : new Yaml(options).composeAll(reader)) {
                if (node != null) {
                    documents.add(new YamlNode(node, displayName));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation where = mark == null
                    ? new SourceLocation(displayName, 1, 1)
                    : new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.error(where, "YAML syntax: " + e.getProblem() + context);
        } catch (YAMLException | IOException e) {
            problems.error(new SourceLocation(displayName, 1, 1), "YAML syntax: " + e.getMessage());
        }
        return documents;
    }
}

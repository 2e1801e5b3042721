package dev.slopipeline.router.oncall.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlDocuments;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Reads router configuration text in tests the way the router will: sections first, then the unknown top-level fields. */
public final class OnCallYaml {

    private OnCallYaml() {
    }

    public static String resource(String path) {
        try (InputStream in = OnCallYaml.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the sections with {@code readSections} and returns every problem, as {@code file:line:col: message}. */
    public static List<String> problems(String file, String text, BiConsumer<YamlMap, Problems> readSections) {
        Problems problems = new Problems();
        root(file, text, problems).ifPresent(root -> {
            readSections.accept(root, problems);
            root.rejectUnknownFields();
        });
        return problems.sorted().stream().map(Problem::toString).toList();
    }

    /** The {@code users} and {@code schedules} of a configuration that must have no problem. */
    public static OnCallConfig valid(String file, String text) {
        Problems problems = new Problems();
        YamlMap root = root(file, text, problems).orElseThrow();
        OnCallConfig config = OnCallConfigReader.read(root, problems).config();
        root.rejectUnknownFields();
        assertThat(problems.sorted()).as("problems in " + file).isEmpty();
        return config;
    }

    public static Optional<YamlMap> root(String file, String text, Problems problems) {
        List<YamlNode> documents = YamlDocuments.read(file, text, problems);
        assertThat(documents).as("documents in " + file).hasSize(1);
        return documents.get(0).asMap(problems, "the router configuration");
    }
}

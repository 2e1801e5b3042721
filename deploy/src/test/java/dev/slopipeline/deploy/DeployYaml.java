package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The shipped YAML files under deploy/ as plain maps and lists, and the steps into them that say what is missing. */
final class DeployYaml {

    private DeployYaml() {
    }

    /** Every {@code .yml}, {@code .yaml} and {@code .json} file shipped under deploy/ (not the build's or the tests'). */
    static List<Path> shippedFiles() throws IOException {
        Path deploy = PromQlMetrics.DEPLOY;
        try (Stream<Path> walk = Files.walk(deploy)) {
            return walk.filter(p -> !p.startsWith(deploy.resolve("target")) && !p.startsWith(deploy.resolve("src")))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
    }

    /** The shipped YAML files whose first document is a map holding {@code key}: Prometheus configs hold scrape_configs. */
    static List<Path> filesWithTopLevelKey(String key) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path file : shippedFiles()) {
            if (!file.toString().endsWith(".json") && documents(file).get(0) instanceof Map<?, ?> top && top.containsKey(key)) {
                files.add(file);
            }
        }
        return files;
    }

    static List<Object> documents(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in));
        }
    }

    static List<Object> documents(String text) {
        return load(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(new StringReader(text)));
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("\"" + key + "\" in " + parent.keySet()).isInstanceOf(Map.class);
        return map(value);
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("\"" + key + "\" in " + parent.keySet()).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) Objects.requireNonNull(value);
    }

    private static List<Object> load(Iterable<Object> loaded) {
        List<Object> documents = new ArrayList<>();
        loaded.forEach(documents::add);
        return documents;
    }
}

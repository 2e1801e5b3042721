package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.yaml.Declared;
import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlDocuments;
import dev.slopipeline.kit.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the translator made of a set of files: the definitions it handed on and every problem, as a user reads them. */
record Translation(List<Declared<ServiceDefinition>> services, List<Declared<SloDefinition>> slos, List<String> problems) {

    private record File(String name, String text) {
    }

    /** Translates fixtures under {@code src/test/resources/openslo/}, named in messages by their path below it. */
    static Translation ofFixtures(String... paths) {
        return of(Arrays.stream(paths).map(path -> new File(path, fixture(path))).toList());
    }

    /** Translates one inline file, named {@code test.yaml} in messages. */
    static Translation ofText(String text) {
        return of(List.of(new File("test.yaml", text)));
    }

    private static Translation of(List<File> files) {
        Problems problems = new Problems();
        List<YamlNode> documents = new ArrayList<>();
        for (File file : files) {
            documents.addAll(YamlDocuments.read(file.name(), file.text(), problems));
        }
        List<Declared<ServiceDefinition>> services = new ArrayList<>();
        List<Declared<SloDefinition>> slos = new ArrayList<>();
        new OpenSloTranslator().translate(documents, problems, services::add, slos::add);
        return new Translation(services, slos, problems.sorted().stream().map(Problem::toString).toList());
    }

    SloDefinition onlySlo() {
        if (slos.size() != 1 || !problems.isEmpty()) {
            throw new AssertionError("expected one SLO and no problems, got " + slos.size() + " SLOs and " + problems);
        }
        return slos.get(0).definition();
    }

    Map<String, SloDefinition> slosByName() {
        Map<String, SloDefinition> byName = new LinkedHashMap<>();
        slos.forEach(declared -> byName.put(declared.definition().name(), declared.definition()));
        return byName;
    }

    private static String fixture(String path) {
        try (InputStream in = Translation.class.getResourceAsStream("/openslo/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture openslo/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

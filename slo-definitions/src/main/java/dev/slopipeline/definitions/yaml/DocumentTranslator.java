package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;

import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads documents written in another SLO language (OpenSLO, for one) into our model. The loader
 * hands a translator every document whose {@code apiVersion} it claims, from all files at once, so
 * that documents may refer to each other across files. What it declares goes through the same
 * cross checks as our own documents: unique names, known services, alert pairs that fit the window.
 */
public interface DocumentTranslator {

    /** The apiVersions this translator reads, e.g. {@code openslo/v1}; also listed in the error for an unknown one. */
    Set<String> apiVersions();

    /**
     * Translates the documents, reporting every problem with its location.
     *
     * @param documents the whole documents (maps), in file order and document order within a file
     * @param services receives each valid service, with field locations under {@link FieldPaths}
     * @param slos receives each valid SLO, with field locations under {@link FieldPaths}
     */
    void translate(List<YamlNode> documents, Problems problems,
            Consumer<Declared<ServiceDefinition>> services, Consumer<Declared<SloDefinition>> slos);
}

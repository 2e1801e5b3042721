package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.yaml.Declared;
import dev.slopipeline.definitions.yaml.DocumentTranslator;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports OpenSLO v1 documents into our model: {@code Service}, {@code SLO} and {@code SLI} objects whose
 * metrics come from our own event stream. The accepted subset and its mapping are in OPENSLO.md.
 */
public final class OpenSloTranslator implements DocumentTranslator {

    public static final String API_VERSION = "openslo/v1";

    private static final Set<String> ALERTING_KINDS = Set.of("AlertPolicy", "AlertCondition", "AlertNotificationTarget");
    private static final List<String> OPENSLO_KINDS =
            List.of("Service", "SLO", "SLI", "DataSource", "AlertPolicy", "AlertCondition", "AlertNotificationTarget");

    public boolean accepts(String apiVersion) {
        return API_VERSION.equals(apiVersion);
    }

    @Override
    public Set<String> apiVersions() {
        return Set.of(API_VERSION);
    }

    /**
     * @param documents every {@code openslo/v1} document of the definition set, from all files, so that an
     *                  SLO may refer to an SLI in another file
     */
    @Override
    public void translate(List<YamlNode> documents, Problems problems,
                          Consumer<Declared<ServiceDefinition>> services, Consumer<Declared<SloDefinition>> slos) {
        List<OpenSloDocument> read = documents.stream()
                .map(node -> OpenSloDocument.read(node, problems))
                .flatMap(Optional::stream)
                .toList();
        SliCatalog slis = new SliCatalog();
        read.stream().filter(document -> document.kind().equals("SLI")).forEach(document -> slis.add(document, problems));
        for (OpenSloDocument document : read) {
            switch (document.kind()) {
                case "Service" -> ServiceTranslation.translate(document, problems).ifPresent(services);
                case "SLO" -> SloTranslation.translate(document, slis, problems).ifPresent(slos);
                case "SLI" -> {
                    // added to the catalog above
                }
                case "DataSource" -> problems.warning(document.kindLocation(), "kind DataSource is ignored: slo-pipeline "
                        + "evaluates its own event stream and reads no data sources");
                default -> unsupportedKind(document, problems);
            }
        }
    }

    private static void unsupportedKind(OpenSloDocument document, Problems problems) {
        if (ALERTING_KINDS.contains(document.kind())) {
            problems.warning(document.kindLocation(), "kind " + document.kind() + " is ignored: slo-pipeline alerts with the "
                    + "workbook burn-rate pairs and routes alerts with its own router (see OPENSLO.md)");
            return;
        }
        String hint = Suggestions.closest(document.kind(), OPENSLO_KINDS).map(s -> "; did you mean \"" + s + "\"?").orElse("");
        problems.error(document.kindLocation(), "unknown OpenSLO kind \"" + document.kind() + "\": slo-pipeline imports "
                + "Service, SLO and SLI" + hint);
    }
}

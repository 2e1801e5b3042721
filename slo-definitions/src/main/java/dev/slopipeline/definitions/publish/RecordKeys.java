package dev.slopipeline.definitions.publish;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Names a document's record: what it is and which one, so that a later apply of the same document replaces it. */
final class RecordKeys {

    static final String OWN_API_GROUP = "slo-pipeline";

    private RecordKeys() {
    }

    /**
     * {@code Kind/name} for our own language, {@code group/Kind/name} for others (the apiVersion without its
     * version, {@code openslo/v1} giving {@code openslo}), so that an OpenSLO Service and one of ours with
     * the same name stay two records and the loader reports them as the duplicates they are.
     */
    static Optional<String> keyOf(Node document) {
        Optional<String> apiVersion = text(document, "apiVersion");
        Optional<String> kind = text(document, "kind");
        Optional<String> name = field(document, "metadata").flatMap(metadata -> text(metadata, "name"));
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        String group = apiVersion.get().contains("/")
                ? apiVersion.get().substring(0, apiVersion.get().indexOf('/'))
                : apiVersion.get();
        String prefix = group.equals(OWN_API_GROUP) ? "" : group + "/";
        return Optional.of(prefix + kind.get() + "/" + name.get());
    }

    private static Optional<String> text(Node map, String key) {
        return field(map, key)
                .filter(ScalarNode.class::isInstance)
                .map(node -> ((ScalarNode) node).getValue())
                .filter(value -> !value.isBlank());
    }

    private static Optional<Node> field(Node map, String key) {
        if (map instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }
}

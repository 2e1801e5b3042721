package dev.slopipeline.definitions.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Cuts a YAML file into the source text of each of its documents, exactly as written, so that a record on
 * {@code slo.definitions} reads like the file it came from (comments inside a document included).
 */
final class DocumentTexts {

    /**
     * @param line 1-based line of the document's first content line in its file
     * @param text that content through its last value, ending with a line break
     * @param root the parsed document, to name its record
     */
    record DocumentText(int line, String text, Node root) {
    }

    private DocumentTexts() {
    }

    /** @throws org.yaml.snakeyaml.error.YAMLException if the text is not YAML; callers pass validated files */
    static List<DocumentText> cut(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        List<DocumentText> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (Node root : new Yaml(options).composeAll(reader)) {
                if (root != null) {
                    documents.add(cut(text, root));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static DocumentText cut(String text, Node root) {
        // From the start of the line, not of the node: a document indented as a whole, or written after
        // "--- " on the marker line, must keep that prefix to parse the same way.
        int nodeStart = charIndex(text, root.getStartMark().getIndex());
        int start = text.lastIndexOf('\n', nodeStart - 1) + 1;
        int end = Math.max(charIndex(text, lastLeaf(root).getEndMark().getIndex()),
                withoutTrailingComments(text, start, charIndex(text, root.getEndMark().getIndex())));
        String body = text.substring(start, end);
        return new DocumentText(root.getStartMark().getLine() + 1, body.endsWith("\n") ? body : body + "\n", root);
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 chars, which differ beyond the BMP (emoji). */
    private static int charIndex(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }

    /**
     * A block collection ends where the next token starts, so its end mark takes in the comments and blank
     * lines between it and the next document; those belong to whatever follows.
     */
    private static int withoutTrailingComments(String text, int start, int end) {
        int cut = end;
        while (cut > start) {
            int lineStart = text.lastIndexOf('\n', cut - 1) + 1;
            String line = text.substring(Math.max(lineStart, start), cut).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return cut;
            }
            cut = Math.max(lineStart - 1, start);
        }
        return cut;
    }

    /**
     * The last value written in the document. Its end mark is exact, which keeps a last block scalar whose
     * lines look like comments ({@code |} followed by {@code   # not a comment}) whole.
     */
    private static Node lastLeaf(Node node) {
        if (node instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.BLOCK && !mapping.getValue().isEmpty()) {
            List<NodeTuple> tuples = mapping.getValue();
            return lastLeaf(tuples.get(tuples.size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && sequence.getFlowStyle() == FlowStyle.BLOCK && !sequence.getValue().isEmpty()) {
            List<Node> items = sequence.getValue();
            return lastLeaf(items.get(items.size() - 1));
        }
        return node;
    }
}

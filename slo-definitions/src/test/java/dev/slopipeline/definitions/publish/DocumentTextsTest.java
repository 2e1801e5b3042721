package dev.slopipeline.definitions.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.publish.DocumentTexts.DocumentText;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTextsTest {

    @Test
    void shouldCutEachDocumentWithItsInnerCommentsAndWithoutTheCommentsBetweenDocuments() {
        String file = """
                # file header, before the first document
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: cart}
                spec:
                  owner: team-basket   # who is paged
                  # a comment inside the spec
                  tier: 2

                # heading of the next document
                ---
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: search}
                spec: {owner: team-search}
                """;

        List<DocumentText> documents = DocumentTexts.cut(file);

        assertThat(documents).extracting(DocumentText::line).containsExactly(2, 12);
        assertThat(documents.get(0).text()).isEqualTo("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: cart}
                spec:
                  owner: team-basket   # who is paged
                  # a comment inside the spec
                  tier: 2
                """);
        assertThat(documents.get(1).text()).isEqualTo("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: search}
                spec: {owner: team-search}
                """);
    }

    @Test
    void shouldKeepWhatSharesTheFirstLineSoThatTheTextParsesAlike() {
        String file = """
                --- {apiVersion: slo-pipeline/v1, kind: Service, metadata: {name: cart}, spec: {owner: a}}
                ---
                  apiVersion: slo-pipeline/v1
                  kind: Service
                  metadata: {name: search}
                  spec: {owner: b}
                """;

        List<DocumentText> documents = DocumentTexts.cut(file);

        assertThat(documents).extracting(DocumentText::text).containsExactly(
                "--- {apiVersion: slo-pipeline/v1, kind: Service, metadata: {name: cart}, spec: {owner: a}}\n",
                """
                  apiVersion: slo-pipeline/v1
                  kind: Service
                  metadata: {name: search}
                  spec: {owner: b}
                """);
    }

    @Test
    void shouldKeepALastBlockScalarWhoseLinesLookLikeComments() {
        String file = """
                kind: Service
                spec:
                  description: |
                    # not a comment: part of the text
                ---
                kind: SLO
                """;

        List<DocumentText> documents = DocumentTexts.cut(file);

        assertThat(documents.get(0).text()).endsWith("    # not a comment: part of the text\n");
        assertThat(documents.get(1).text()).isEqualTo("kind: SLO\n");
    }

    @Test
    void shouldCountCharactersBeyondTheBasicPlaneOnceEach() {
        String file = """
                kind: Service
                spec: {description: "🛒 carts 🛍️"}
                ---
                kind: SLO
                spec: {description: "💳"}
                """;

        List<DocumentText> documents = DocumentTexts.cut(file);

        assertThat(documents).extracting(DocumentText::text).containsExactly(
                "kind: Service\nspec: {description: \"🛒 carts 🛍️\"}\n",
                "kind: SLO\nspec: {description: \"💳\"}\n");
    }

    @Test
    void shouldEndADocumentWithoutAFinalLineBreakWithOne() {
        assertThat(DocumentTexts.cut("kind: Service\nspec: {owner: a}")).extracting(DocumentText::text)
                .containsExactly("kind: Service\nspec: {owner: a}\n");
    }
}

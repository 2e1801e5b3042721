package dev.slopipeline.definitions.yaml;

import java.util.List;

/**
 * A valid SLO that a rule test changes in one place, so that each case shows only its mistake.
 * The line numbers below are the ones the expected problems refer to.
 */
final class ValidSlo {

    static final String TEXT = """
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-availability}
            spec:
              service: storefront
              indicator:
                match: [{service: checkout-api}]
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
            """;
    //  1 apiVersion: slo-pipeline/v1
    //  2 kind: SLO
    //  3 metadata: {name: checkout-availability}
    //  4 spec:
    //  5   service: storefront
    //  6   indicator:
    //  7     match: [{service: checkout-api}]
    //  8     good: {status: {below: 500}}
    //  9   objective: 99.9
    // 10   window: 30d

    private ValidSlo() {
    }

    /**
     * The SLO with whole lines replaced (each by one or more lines), loaded as slo.yaml beside a catalog.
     *
     * @param linesAndReplacements a line of the valid SLO, its replacement, the next line, ...
     */
    static List<String> problemsWith(String... linesAndReplacements) {
        String text = TEXT;
        for (int i = 0; i < linesAndReplacements.length; i += 2) {
            String original = linesAndReplacements[i] + "\n";
            if (text.indexOf(original) < 0 || text.indexOf(original) != text.lastIndexOf(original)) {
                throw new IllegalArgumentException("not a line of the valid SLO: " + linesAndReplacements[i]);
            }
            text = text.replace(original, linesAndReplacements[i + 1] + "\n");
        }
        return Fixtures.problemsBesideCatalog(text);
    }
}

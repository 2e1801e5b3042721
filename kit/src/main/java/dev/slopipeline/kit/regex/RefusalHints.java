package dev.slopipeline.kit.regex;

import java.util.Map;

/**
 * Why RE2 refuses the constructs people bring from Java, Perl or PCRE: RE2's own message ("invalid escape
 * sequence: `\1`") does not say that the feature is missing on purpose, so the writer would hunt for a typo.
 */
final class RefusalHints {

    private static final Map<String, String> MISSING_FEATURES = Map.of(
            "(?=", "look-around", "(?!", "look-around", "(?<=", "look-around", "(?<!", "look-around",
            "(?>", "atomic groups", "\\k", "back-references");

    private RefusalHints() {
    }

    /** The hint to append to RE2's message about {@code part}, or "" when RE2's message says it all. */
    static String hint(String description, String part) {
        String feature = MISSING_FEATURES.entrySet().stream()
                .filter(entry -> part.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (feature == null && part.length() == 2 && part.charAt(0) == '\\' && part.charAt(1) >= '1' && part.charAt(1) <= '9') {
            feature = "back-references";
        }
        if (feature == null && description.equals("invalid nested repetition operator") && part.endsWith("+")) {
            feature = "possessive quantifiers";
        }
        return feature == null ? "" : " (Go's RE2 syntax, as in Prometheus and Alertmanager, has no " + feature + ")";
    }
}

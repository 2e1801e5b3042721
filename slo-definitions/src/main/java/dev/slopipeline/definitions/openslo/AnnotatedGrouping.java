package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.yaml.GroupingReader;
import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An OpenSLO SLO split into series: OpenSLO v1 has no field for it, so two annotations of the SLO say it,
 * {@value #GROUP_BY} (the fields, comma-separated: {@code "region, tier"}) and {@value #MAX_SERIES}, checked as
 * {@code groupBy} and {@code maxSeries} are in our own language.
 */
final class AnnotatedGrouping {

    static final String GROUP_BY = "slo-pipeline/groupBy";
    static final String MAX_SERIES = "slo-pipeline/maxSeries";

    private AnnotatedGrouping() {
    }

    /** {@link Grouping#none()} without the annotations; empty when they are wrong (each mistake reported). */
    static Optional<Grouping> read(Map<String, Located<String>> annotations, Map<String, String> sloLabels, Problems problems) {
        int errorsBefore = problems.errorCount();
        Located<String> groupBy = annotations.get(GROUP_BY);
        List<String> fields = groupBy == null ? List.of() : GroupingReader.checkedFields(
                fieldsOf(groupBy), groupBy.location(), sloLabels, problems);
        OptionalLong maxSeries = Optional.ofNullable(annotations.get(MAX_SERIES))
                .map(written -> maxSeries(written, problems)).orElse(OptionalLong.empty());
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Grouping(fields, (int) maxSeries.orElse(Grouping.DEFAULT_MAX_SERIES)));
    }

    private static List<Located<String>> fieldsOf(Located<String> groupBy) {
        List<Located<String>> fields = new ArrayList<>();
        if (!groupBy.value().isBlank()) {
            for (String field : groupBy.value().split(",", -1)) {
                fields.add(new Located<>(field.strip(), groupBy.location()));
            }
        }
        return fields;
    }

    private static OptionalLong maxSeries(Located<String> written, Problems problems) {
        SourceLocation at = written.location();
        try {
            return GroupingReader.checkedMaxSeries(Long.parseLong(written.value().strip()), at, problems);
        } catch (NumberFormatException notANumber) {
            problems.error(at, "annotation " + MAX_SERIES + " must be a whole number such as \"1000\", got \"" + written.value() + "\"");
            return OptionalLong.empty();
        }
    }
}

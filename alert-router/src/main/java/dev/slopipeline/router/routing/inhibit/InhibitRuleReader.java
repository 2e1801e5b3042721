package dev.slopipeline.router.routing.inhibit;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.routing.matcher.MatcherReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code inhibit_rules}, each side written with matchers or the deprecated match maps. */
public final class InhibitRuleReader {

    private InhibitRuleReader() {
    }

    public static List<InhibitRule> read(List<YamlNode> items, Problems problems) {
        List<InhibitRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            items.get(i).asMap(problems, "inhibit_rules[" + i + "]").map(InhibitRuleReader::rule).ifPresent(rules::add);
        }
        return rules;
    }

    private static InhibitRule rule(YamlMap map) {
        Optional<String> name = map.string("name");
        InhibitRule rule = new InhibitRule(name,
                MatcherReader.read(map, "source_match", "source_match_re", "source_matchers"),
                MatcherReader.read(map, "target_match", "target_match_re", "target_matchers"),
                equal(map));
        map.rejectUnknownFields();
        return rule;
    }

    private static List<String> equal(YamlMap map) {
        List<String> labels = new ArrayList<>();
        for (Located<String> label : YamlFields.texts(map, "equal")) {
            if (label.value().isEmpty()) {
                map.problems().error(label.location(), "empty label name in " + map.describe("equal"));
            } else {
                labels.add(label.value());
            }
        }
        return labels;
    }
}

package dev.slopipeline.router.oncall.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.router.oncall.schedule.OnCallYaml;
import java.util.List;

/** Reads the paging sections of router configuration text in tests. */
final class PagingYaml {

    private PagingYaml() {
    }

    /** A configuration that must have no problem, not even a warning. */
    static PagingConfig valid(String resource) {
        Problems problems = new Problems();
        YamlMap root = OnCallYaml.root(resource, OnCallYaml.resource(resource), problems).orElseThrow();
        PagingConfig config = PagingConfig.read(root, problems);
        root.rejectUnknownFields();
        assertThat(problems.sorted()).as("problems in " + resource).isEmpty();
        return config;
    }

    static List<String> problems(String yaml) {
        return OnCallYaml.problems("bad.yaml", yaml, PagingConfig::read);
    }
}

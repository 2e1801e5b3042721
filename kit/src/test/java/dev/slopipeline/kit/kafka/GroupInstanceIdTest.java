package dev.slopipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GroupInstanceIdTest {

    @Test
    void shouldGiveARestartOfTheSameInstanceTheSameId() {
        Path relative = Path.of("data", "streams");

        assertThat(GroupInstanceId.of("build-7", relative))
                .as("the same folder, however it is written")
                .isEqualTo(GroupInstanceId.of("build-7", relative.toAbsolutePath()))
                .isEqualTo(GroupInstanceId.of("build-7", Path.of("data", ".", "other", "..", "streams")))
                .matches("build-7-[0-9a-f]{8}");
    }

    @Test
    void shouldGiveTwoInstancesOnOneHostDifferentIdsByTheirStateFolders() {
        assertThat(GroupInstanceId.of("build-7", Path.of("/srv/slo/streams-1")))
                .isNotEqualTo(GroupInstanceId.of("build-7", Path.of("/srv/slo/streams-2")));
    }

    @Test
    void shouldGiveTheSameFolderOnTwoHostsDifferentIds() {
        assertThat(GroupInstanceId.of("slo-streams-0", Path.of("/data/streams")))
                .startsWith("slo-streams-0-")
                .isNotEqualTo(GroupInstanceId.of("slo-streams-1", Path.of("/data/streams")));
    }

    @Test
    void shouldKeepToWhatKafkaAcceptsInAnIdWhateverTheHostName() {
        String id = GroupInstanceId.of("Jo's laptop (home)" + "x".repeat(300), Path.of("/data"));

        assertThat(id).matches("[a-zA-Z0-9._-]+").hasSizeLessThan(249 - "-12".length());
    }
}
